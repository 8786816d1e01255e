import type { Metadata } from "next";
import Link from "next/link";
import { createGroupAction } from "@/app/orgs/[slug]/groups/actions";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { grantableRoles } from "@/components/groups/grantable-roles";
import { GroupForm } from "@/components/groups/group-form";
import { listGroups } from "@/lib/services/groups/list-groups";
import { listRoles } from "@/lib/services/organization-roles/list-roles";

export const metadata: Metadata = { title: "Groups" };

/** The organization's groups, what each grants and how many are in it; owners and admins create them here. */
export default async function GroupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { actor, organization, permissions, can } = await loadOrganization((await params).slug);
  const page = Math.max(1, Math.min(Number.parseInt((await searchParams).page ?? "1", 10) || 1, 1_000_000));
  const [groups, roles] = await Promise.all([
    can("members:read") ? listGroups({ actor, organizationId: organization.id, query: { limit: 50, page } }) : null,
    listRoles({ actor, organizationId: organization.id }),
  ]);
  const base = `/orgs/${organization.slug}/groups`;
  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-muted">
        A group gathers members, by hand or from the organization&apos;s directory (SCIM), and grants roles: each member may do what their
        own role and all their groups&apos; roles allow.
      </p>
      {groups === null ? (
        <p className="text-sm text-muted">Your role cannot see the organization&apos;s members or groups.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Groups</caption>
            <thead className="text-muted">
              <tr>
                <th className="py-2">Group</th>
                <th>Grants</th>
                <th className="text-right">Members</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {groups.data.length === 0 ? (
                <tr>
                  <td colSpan={3} className="py-2 text-muted">
                    No groups yet.
                  </td>
                </tr>
              ) : null}
              {groups.data.map((group) => (
                <tr key={group.id}>
                  <td className="py-2">
                    <Link href={`${base}/${group.id}`} className="break-all font-medium text-link underline">
                      {group.name}
                    </Link>
                    {group.description ? <div className="text-muted">{group.description}</div> : null}
                  </td>
                  <td>
                    {group.roles.length > 0 ? group.roles.map((role) => role.name).join(", ") : <span className="text-muted">Nothing</span>}
                  </td>
                  <td className="text-right">{group.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Pages of groups" className="mt-3 flex gap-4 text-sm">
            {page > 1 ? (
              <Link href={`${base}?page=${page - 1}`} className="text-link underline">
                Previous page
              </Link>
            ) : null}
            {groups.nextCursor ? (
              <Link href={`${base}?page=${page + 1}`} className="text-link underline">
                Next page
              </Link>
            ) : null}
          </nav>
        </div>
      )}
      {can("groups:manage") ? (
        <section aria-labelledby="new-group" className="max-w-md space-y-3">
          <h2 id="new-group" className="text-lg font-medium">
            New group
          </h2>
          <GroupForm
            action={createGroupAction}
            hidden={{ organizationId: organization.id }}
            submitLabel="Create group"
            roles={grantableRoles(roles.data, permissions)}
          />
        </section>
      ) : null}
    </div>
  );
}
