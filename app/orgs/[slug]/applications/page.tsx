import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createApplicationAction } from "@/app/admin/applications/actions";
import { loadApplications } from "@/app/admin/applications/load-applications";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { ApplicationsOverview } from "@/components/applications/applications-overview";

export const metadata: Metadata = { title: "Applications" };

type PageProps = { params: Promise<{ slug: string }> };

/** The organization's applications, which sign in its members only; for owners and admins. */
export default async function OrganizationApplicationsPage({ params }: PageProps) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  if (!can("applications:manage")) notFound();
  const applications = await loadApplications(actor, { organizationId: organization.id });
  return (
    <ApplicationsOverview
      applications={applications}
      basePath={`/orgs/${organization.slug}/applications`}
      organizationId={organization.id}
      create={createApplicationAction}
    />
  );
}
