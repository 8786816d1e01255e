import { ActionForm } from "@/components/forms/action-form";
import { LocalTime } from "@/components/ui/local-time";
import { DeliveryList } from "@/components/webhooks/delivery-list";
import type { WebhookSecretState } from "@/components/webhooks/webhook-create-form";
import { WebhookEditForm } from "@/components/webhooks/webhook-edit-form";
import { WebhookRotateForm } from "@/components/webhooks/webhook-rotate-form";
import type { FormAction } from "@/lib/form-state";
import type { WebhookDeliveryPublic, WebhookPublic } from "@/lib/schemas/webhook";

export type WebhookDetailActions = {
  update: FormAction;
  rotate: FormAction<WebhookSecretState>;
  remove: FormAction;
  resend: FormAction;
};

type WebhookDetailProps = { webhook: WebhookPublic; deliveries: WebhookDeliveryPublic[]; basePath: string; actions: WebhookDetailActions };

/** One endpoint: its settings, its secret, and its deliveries with every attempt. */
export function WebhookDetail({ webhook, deliveries, basePath, actions }: WebhookDetailProps) {
  return (
    <div className="space-y-8">
      {webhook.disabledReason ? (
        <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950">
          Turned off because {webhook.disabledReason} Enable it again once the receiver works.
        </p>
      ) : null}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Settings</h2>
        <WebhookEditForm webhook={webhook} submit={actions.update} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Signing secret</h2>
        {webhook.previousSecretExpiresAt ? (
          <p className="text-sm text-muted">
            The previous secret also signs until <LocalTime iso={webhook.previousSecretExpiresAt} />.
          </p>
        ) : null}
        <WebhookRotateForm webhook={webhook} submit={actions.rotate} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Deliveries</h2>
        <DeliveryList webhook={webhook} deliveries={deliveries} resend={actions.resend} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Delete</h2>
        <ActionForm
          action={actions.remove}
          hidden={{ organizationId: webhook.organizationId ?? "", webhookId: webhook.id, returnTo: basePath }}
          variant="danger"
          submitLabel="Delete endpoint"
        />
      </section>
    </div>
  );
}
