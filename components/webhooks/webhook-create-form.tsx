"use client";

import { ActionForm } from "@/components/forms/action-form";
import { WebhookFields } from "@/components/webhooks/webhook-fields";
import { WebhookSecretNotice } from "@/components/webhooks/webhook-secret-notice";
import type { FormAction, FormState } from "@/lib/form-state";

export type WebhookSecretState = FormState & { created?: { url: string; secret: string } };

/** Registers an endpoint and shows its signing secret once. */
export function WebhookCreateForm({ submit, organizationId }: { submit: FormAction<WebhookSecretState>; organizationId: string | null }) {
  return (
    <div className="space-y-4">
      <ActionForm
        action={submit}
        submitLabel="Add endpoint"
        pendingLabel="Adding…"
        success="status"
        hidden={{ organizationId: organizationId ?? "" }}
        header={(state) => (state.created ? <WebhookSecretNotice {...state.created} /> : null)}
        className="max-w-xl space-y-4"
      >
        {(state) => <WebhookFields state={state} />}
      </ActionForm>
    </div>
  );
}
