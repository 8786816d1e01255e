import type { Metadata } from "next";
import { createWebhookAction } from "@/app/admin/webhooks/actions";
import { loadWebhooks } from "@/app/admin/webhooks/load-webhooks";
import { WebhooksOverview } from "@/components/webhooks/webhooks-overview";
import { requireSessionActor } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Webhooks" };

/** Global endpoints, told about every event of the installation. */
export default async function AdminWebhooksPage() {
  const actor = await requireSessionActor();
  const webhooks = await loadWebhooks(actor, { organizationId: null });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <p className="text-sm text-muted">Endpoints registered here receive the events of every organization and every user.</p>
      </header>
      <WebhooksOverview webhooks={webhooks} basePath="/admin/webhooks" organizationId={null} create={createWebhookAction} />
    </div>
  );
}
