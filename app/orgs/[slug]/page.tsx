import type { Metadata } from "next";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationOverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { organization, permissions } = await loadOrganization((await params).slug);
  return (
    <section
      aria-labelledby="overview"
      className="space-y-4 rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="overview" className="text-lg font-medium">
        Overview
      </h2>
      <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
        <dt className="text-muted">Address</dt>
        <dd>/orgs/{organization.slug}</dd>
        <dt className="text-muted">Created</dt>
        <dd>
          <LocalTime iso={organization.createdAt} />
        </dd>
        <dt className="text-muted">You may</dt>
        <dd data-testid="my-permissions" className="flex flex-wrap gap-1">
          {permissions.map((permission) => (
            <Badge key={permission}>{permission}</Badge>
          ))}
        </dd>
      </dl>
    </section>
  );
}
