import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionActor } from "@/lib/session/require-session-actor";
import { listOrganizations } from "@/lib/services/organizations/list-organizations";
import { mayCreateOrganizations } from "@/lib/services/organizations/may-create-organizations";

export const metadata: Metadata = { title: "My organizations" };

export default async function OrganizationsPage() {
  const actor = await requireSessionActor();
  const organizations = await listOrganizations({ actor, query: { limit: 100 } });
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">My organizations</h1>
        {mayCreateOrganizations(actor) ? (
          <Link href="/orgs/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            New organization
          </Link>
        ) : null}
      </div>
      {organizations.data.length === 0 ? (
        <p className="text-sm text-muted">You do not belong to any organization yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {organizations.data.map((organization) => (
            <li key={organization.id}>
              <Link href={`/orgs/${organization.slug}`} className="flex justify-between px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800">
                <span className="font-medium">{organization.name}</span>
                <span className="text-sm text-muted">/{organization.slug}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
