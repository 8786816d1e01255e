import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/session/require-session-actor";
import { LocalTime } from "@/components/ui/local-time";
import { countMembers } from "@/lib/services/organizations/count-members";
import { listOrganizations } from "@/lib/services/organizations/list-organizations";
import { pluralize } from "@/lib/pluralize";

export const metadata: Metadata = { title: "All organizations" };

type PageProps = { searchParams: Promise<{ page?: string }> };

export default async function AllOrganizationsPage({ searchParams }: PageProps) {
  const actor = await requirePagePermission("organizations:read");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const organizations = await listOrganizations({ actor, query: { limit: 50, page }, everything: true });
  const pages = Math.max(1, Math.ceil((organizations.total ?? 0) / 50));
  const members = await countMembers({ actor, organizationIds: organizations.data.map((organization) => organization.id) });
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">All organizations</h1>
        <Link href="/orgs/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          New organization
        </Link>
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Every organization</caption>
          <thead className="text-muted">
            <tr>
              <th className="py-2">Name</th>
              <th>Address</th>
              <th className="text-right">Members</th>
              <th className="pl-6">Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {organizations.data.map((organization) => (
              <tr key={organization.id}>
                <td className="py-2">
                  <Link href={`/orgs/${organization.slug}`} className="font-medium text-link hover:underline">
                    {organization.name}
                  </Link>
                </td>
                <td>{organization.slug}</td>
                <td className="text-right tabular-nums">{members.get(organization.id) ?? 0}</td>
                <td className="pl-6">
                  <LocalTime iso={organization.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-muted">
        {pluralize(organizations.total ?? 0, "organization")} · page {page} of {pages}
        {page < pages ? (
          <Link href={`?page=${page + 1}`} className="ml-3 text-link">
            Next page
          </Link>
        ) : null}
      </p>
    </div>
  );
}
