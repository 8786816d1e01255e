import type { Metadata } from "next";
import Link from "next/link";
import { webhookActions } from "@/app/admin/webhooks/webhook-actions";
import { loadWebhook } from "@/app/admin/webhooks/load-webhooks";
import { WebhookDetail } from "@/components/webhooks/webhook-detail";
import { requireSessionActor } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Webhook" };

type PageProps = { params: Promise<{ webhookId: string }> };

/** A global endpoint's settings and deliveries. */
export default async function AdminWebhookPage({ params }: PageProps) {
  const actor = await requireSessionActor();
  const { webhook, deliveries } = await loadWebhook(actor, { organizationId: null }, (await params).webhookId);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <Link href="/admin/webhooks" className="text-sm text-link underline">
          All webhooks
        </Link>
        <h1 className="break-all text-2xl font-semibold">{webhook.url}</h1>
      </header>
      <WebhookDetail webhook={webhook} deliveries={deliveries} basePath="/admin/webhooks" actions={webhookActions} />
    </div>
  );
}
