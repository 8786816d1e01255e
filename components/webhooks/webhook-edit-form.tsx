"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { EventTypeFields } from "@/components/webhooks/event-type-fields";
import { fieldError, type FormAction } from "@/lib/actions/form-state";
import type { WebhookPublic } from "@/lib/schemas/webhook";

/** Changes an endpoint's URL, description, events and whether it receives anything. */
export function WebhookEditForm({ webhook, submit }: { webhook: WebhookPublic; submit: FormAction }) {
  return (
    <ActionForm
      action={submit}
      submitLabel="Save"
      hidden={{ organizationId: webhook.organizationId ?? "", webhookId: webhook.id, enabled: "off" }}
      className="max-w-xl space-y-4"
    >
      {(state) => (
        <>
          <TextField
            label="Endpoint URL"
            name="url"
            type="url"
            required
            defaultValue={state.values?.url ?? webhook.url}
            error={fieldError(state, "url")}
          />
          <TextField
            label="Description"
            name="description"
            defaultValue={state.values?.description ?? webhook.description}
            error={fieldError(state, "description")}
          />
          <EventTypeFields checked={webhook.eventTypes} error={fieldError(state, "eventTypes")} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" value="on" defaultChecked={webhook.enabled} />
            Enabled: send events to this endpoint
          </label>
        </>
      )}
    </ActionForm>
  );
}
