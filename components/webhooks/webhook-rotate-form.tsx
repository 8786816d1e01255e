"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import type { WebhookSecretState } from "@/components/webhooks/webhook-create-form";
import { WebhookSecretNotice } from "@/components/webhooks/webhook-secret-notice";
import type { FormAction } from "@/lib/actions/form-state";
import type { WebhookPublic } from "@/lib/schemas/webhook";

/** Replaces the signing secret and shows the new one once; the old one keeps signing for a day. */
export function WebhookRotateForm({ webhook, submit }: { webhook: WebhookPublic; submit: FormAction<WebhookSecretState> }) {
  const [state, action, pending] = useActionState<WebhookSecretState, FormData>(submit, {});
  return (
    <div className="space-y-3">
      {state.created ? <WebhookSecretNotice {...state.created} /> : null}
      <form action={action} className="space-y-2">
        <FormMessage state={state} />
        <input type="hidden" name="organizationId" value={webhook.organizationId ?? ""} />
        <input type="hidden" name="webhookId" value={webhook.id} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Rotating…" : "Rotate signing secret"}
        </Button>
      </form>
    </div>
  );
}
