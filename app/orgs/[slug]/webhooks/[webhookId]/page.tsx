import type { Metadata } from "next";
import Link from "next/link";
import { loadWebhook } from "@/app/admin/webhooks/load-webhooks";
import { webhookActions } from "@/app/admin/webhooks/webhook-actions";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { WebhookDetail } from "@/components/webhooks/webhook-detail";

export const metadata: Metadata = { title: "Webhook" };

type PageProps = { params: Promise<{ slug: string; webhookId: string }> };

/** One of the organization's endpoints: settings and deliveries. */
export default async function OrganizationWebhookPage({ params }: PageProps) {
  const { slug, webhookId } = await params;
  const { actor, organization } = await loadOrganization(slug);
  const { webhook, deliveries } = await loadWebhook(actor, { organizationId: organization.id }, webhookId);
  const basePath = `/orgs/${organization.slug}/webhooks`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={basePath} className="text-sm text-link underline">
          All webhooks
        </Link>
        <h2 className="break-all text-xl font-semibold">{webhook.url}</h2>
      </header>
      <WebhookDetail webhook={webhook} deliveries={deliveries} basePath={basePath} actions={webhookActions} />
    </div>
  );
}
