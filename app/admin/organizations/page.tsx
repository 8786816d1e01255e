import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { LocalTime } from "@/components/ui/local-time";
import { countMembers } from "@/lib/services/organizations/count-members";
import { listOrganizations } from "@/lib/services/organizations/list-organizations";

export const metadata: Metadata = { title: "All organizations" };

type PageProps = { searchParams: Promise<{ page?: string }> };

export default async function AllOrganizationsPage({ searchParams }: PageProps) {
  const actor = await requireSessionActor();
  if (!can(actor, "organizations:read")) notFound();
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
      <p className="text-sm text-muted">
        {organizations.total} organizations · page {page} of {pages}
        {page < pages ? (
          <Link href={`?page=${page + 1}`} className="ml-3 text-link">
            Next page
          </Link>
        ) : null}
      </p>
    </div>
  );
}
