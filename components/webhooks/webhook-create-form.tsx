"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { EventTypeFields } from "@/components/webhooks/event-type-fields";
import { WebhookSecretNotice } from "@/components/webhooks/webhook-secret-notice";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";

export type WebhookSecretState = FormState & { created?: { url: string; secret: string } };

/** Registers an endpoint and shows its signing secret once. */
export function WebhookCreateForm({ submit, organizationId }: { submit: FormAction<WebhookSecretState>; organizationId: string | null }) {
  const [state, action, pending] = useActionState<WebhookSecretState, FormData>(submit, {});
  return (
    <div className="space-y-4">
      {state.created ? <WebhookSecretNotice {...state.created} /> : null}
      <form action={action} noValidate className="max-w-xl space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="organizationId" value={organizationId ?? ""} />
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          required
          placeholder="https://"
          defaultValue={state.values?.url}
          error={fieldError(state, "url")}
        />
        <TextField
          label="Description (optional)"
          name="description"
          defaultValue={state.values?.description}
          error={fieldError(state, "description")}
        />
        <EventTypeFields checked={[]} error={fieldError(state, "eventTypes")} />
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
    </div>
  );
}
