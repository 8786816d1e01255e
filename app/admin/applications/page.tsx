import type { Metadata } from "next";
import { createApplicationAction } from "@/app/admin/applications/actions";
import { loadApplications } from "@/app/admin/applications/load-applications";
import { ApplicationsOverview } from "@/components/applications/applications-overview";
import { requireSessionActor } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Applications" };

/** The installation's own applications, which anyone with an account may sign in to. */
export default async function AdminApplicationsPage() {
  const actor = await requireSessionActor();
  const applications = await loadApplications(actor, { organizationId: null });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Applications</h1>
      </header>
      <ApplicationsOverview
        applications={applications}
        basePath="/admin/applications"
        organizationId={null}
        create={createApplicationAction}
      />
    </div>
  );
}
