import type { Metadata } from "next";
import Link from "next/link";
import { applicationActions } from "@/app/admin/applications/application-actions";
import { loadApplication } from "@/app/admin/applications/load-applications";
import { ApplicationDetail } from "@/components/applications/application-detail";
import { requireSessionActor } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Application" };

type PageProps = { params: Promise<{ applicationId: string }> };

/** A global application's registration and secret. */
export default async function AdminApplicationPage({ params }: PageProps) {
  const actor = await requireSessionActor();
  const application = await loadApplication(actor, { organizationId: null }, (await params).applicationId);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <Link href="/admin/applications" className="text-sm text-link underline">
          All applications
        </Link>
        <h1 className="break-all text-2xl font-semibold">{application.name}</h1>
      </header>
      <ApplicationDetail application={application} basePath="/admin/applications" actions={applicationActions} />
    </div>
  );
}
