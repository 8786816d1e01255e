"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { WebhookSecretState } from "@/components/webhooks/webhook-create-form";
import { WebhookSecretNotice } from "@/components/webhooks/webhook-secret-notice";
import type { FormAction } from "@/lib/form-state";
import type { WebhookPublic } from "@/lib/schemas/webhook";

/** Replaces the signing secret and shows the new one once; the old one keeps signing for a day. */
export function WebhookRotateForm({ webhook, submit }: { webhook: WebhookPublic; submit: FormAction<WebhookSecretState> }) {
  return (
    <div className="space-y-3">
      <ActionForm
        action={submit}
        submitLabel="Rotate signing secret"
        pendingLabel="Rotating…"
        variant="secondary"
        success="status"
        hidden={{ organizationId: webhook.organizationId ?? "", webhookId: webhook.id }}
        header={(state) => (state.created ? <WebhookSecretNotice {...state.created} /> : null)}
        className="space-y-2"
      />
    </div>
  );
}
