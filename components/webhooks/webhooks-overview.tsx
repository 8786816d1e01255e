import { WebhookCreateForm, type WebhookSecretState } from "@/components/webhooks/webhook-create-form";
import { WebhookList } from "@/components/webhooks/webhook-list";
import type { FormAction } from "@/lib/form-state";
import type { WebhookPublic } from "@/lib/schemas/webhook";

type WebhooksOverviewProps = {
  webhooks: WebhookPublic[];
  basePath: string;
  organizationId: string | null;
  create: FormAction<WebhookSecretState>;
};

/** The webhook list and the form to add one; the same for the installation and for an organization. */
export function WebhooksOverview({ webhooks, basePath, organizationId, create }: WebhooksOverviewProps) {
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <p className="text-sm text-muted">
          Endpoints get each subscribed event as a signed POST (Standard Webhooks), retried for about three days; one that keeps failing is
          turned off.
        </p>
        <WebhookList webhooks={webhooks} basePath={basePath} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Add an endpoint</h2>
        <WebhookCreateForm submit={create} organizationId={organizationId} />
      </section>
    </div>
  );
}
