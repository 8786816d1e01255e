"use client";

import { ActionForm } from "@/components/forms/action-form";
import { WebhookFields } from "@/components/webhooks/webhook-fields";
import type { FormAction } from "@/lib/form-state";
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
          <WebhookFields state={state} current={webhook} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" value="on" defaultChecked={webhook.enabled} />
            Enabled: send events to this endpoint
          </label>
        </>
      )}
    </ActionForm>
  );
}
