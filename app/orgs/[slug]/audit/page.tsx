import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { auditViewFrom, loadAuditEvents } from "@/app/load-audit-events";
import { AuditExplorer } from "@/components/audit/audit-explorer";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";

export const metadata: Metadata = { title: "Audit log" };

type PageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The organization's own events only; members whose role lacks audit:read do not see the page at all. */
export default async function OrganizationAuditPage({ params, searchParams }: PageProps) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  if (!can("audit:read")) notFound();
  const view = auditViewFrom(await searchParams);
  return (
    <AuditExplorer
      events={await loadAuditEvents(actor, view, { organizationId: organization.id })}
      view={view}
      base={`/orgs/${organization.slug}/audit`}
      organizationId={organization.id}
    />
  );
}
