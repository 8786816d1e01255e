import type { Metadata } from "next";
import Link from "next/link";
import { applicationActions } from "@/app/admin/applications/application-actions";
import { loadApplication } from "@/app/admin/applications/load-applications";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { ApplicationDetail } from "@/components/applications/application-detail";

export const metadata: Metadata = { title: "Application" };

type PageProps = { params: Promise<{ slug: string; applicationId: string }> };

/** One of the organization's applications: its registration and secret. */
export default async function OrganizationApplicationPage({ params }: PageProps) {
  const { slug, applicationId } = await params;
  const { actor, organization } = await loadOrganization(slug);
  const application = await loadApplication(actor, { organizationId: organization.id }, applicationId);
  const basePath = `/orgs/${organization.slug}/applications`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={basePath} className="text-sm text-link underline">
          All applications
        </Link>
        <h2 className="break-all text-xl font-semibold">{application.name}</h2>
      </header>
      <ApplicationDetail application={application} basePath={basePath} actions={applicationActions} />
    </div>
  );
}
