import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createWebhookAction } from "@/app/admin/webhooks/actions";
import { loadWebhooks } from "@/app/admin/webhooks/load-webhooks";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { WebhooksOverview } from "@/components/webhooks/webhooks-overview";

export const metadata: Metadata = { title: "Webhooks" };

type PageProps = { params: Promise<{ slug: string }> };

/** The organization's endpoints, told about its events only; for owners and admins. */
export default async function OrganizationWebhooksPage({ params }: PageProps) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  if (!can("webhooks:manage")) notFound();
  const webhooks = await loadWebhooks(actor, { organizationId: organization.id });
  return (
    <WebhooksOverview
      webhooks={webhooks}
      basePath={`/orgs/${organization.slug}/webhooks`}
      organizationId={organization.id}
      create={createWebhookAction}
    />
  );
}
