import type { Metadata } from "next";
import Link from "next/link";
import { addGroupMemberAction, deleteGroupAction, removeGroupMemberAction, updateGroupAction } from "@/app/orgs/[slug]/groups/actions";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { ActionForm } from "@/components/forms/action-form";
import { grantableRoles } from "@/components/groups/grantable-roles";
import { GroupForm, GroupMemberForm } from "@/components/groups/group-form";
import { listGroupMembers } from "@/lib/services/groups/group-members";
import { getGroup } from "@/lib/services/groups/list-groups";
import { listRoles } from "@/lib/services/organization-roles/list-roles";
import { shownOrNotFound } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Group" };

type PageProps = { params: Promise<{ slug: string; groupId: string }>; searchParams: Promise<{ page?: string }> };

/** One group: what it grants, who is in it, and (for those who manage groups) changing both. */
export default async function GroupPage({ params, searchParams }: PageProps) {
  const { slug, groupId } = await params;
  const { actor, organization, permissions, can } = await loadOrganization(slug);
  const organizationId = organization.id;
  const page = Math.max(1, Math.min(Number.parseInt((await searchParams).page ?? "1", 10) || 1, 1_000_000));
  const [group, members, roles] = await Promise.all([
    shownOrNotFound(getGroup({ actor, organizationId, groupId })),
    shownOrNotFound(listGroupMembers({ actor, organizationId, groupId, query: { limit: 50, page } })),
    listRoles({ actor, organizationId }),
  ]);
  const hidden = { organizationId, groupId: group.id };
  const base = `/orgs/${organization.slug}/groups`;
  const cannotManage = can("groups:manage") ? undefined : "Your role cannot change groups.";
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <Link href={base} className="text-sm text-link underline">
          All groups
        </Link>
        <h2 className="break-all text-xl font-semibold">{group.name}</h2>
        {group.externalId ? <p className="text-sm text-muted">Kept by the directory as {group.externalId}</p> : null}
      </header>
      {cannotManage ? null : (
        <section aria-labelledby="edit-group" className="max-w-md space-y-3">
          <h3 id="edit-group" className="text-lg font-medium">
            Name and roles
          </h3>
          <GroupForm
            action={updateGroupAction}
            hidden={hidden}
            submitLabel="Save group"
            roles={grantableRoles(roles.data, permissions)}
            group={group}
          />
        </section>
      )}
      <section aria-labelledby="group-members" className="space-y-3">
        <h3 id="group-members" className="text-lg font-medium">
          Members ({members.total ?? members.data.length})
        </h3>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members of {group.name}</caption>
            <thead className="text-muted">
              <tr>
                <th className="py-2">Person</th>
                <th>In the organization</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {members.data.map((member) => (
                <tr key={member.userId}>
                  <td className="py-2">
                    <div className="font-medium">{member.name ?? member.email}</div>
                    {member.name ? <div className="text-muted">{member.email}</div> : null}
                  </td>
                  <td>{member.activeMember ? "Member" : "Deactivated by the directory"}</td>
                  <td className="text-right">
                    <ActionForm
                      action={removeGroupMemberAction}
                      hidden={{ ...hidden, userId: member.userId }}
                      submitLabel="Remove"
                      submitDescription={`Remove ${member.email} from the group`}
                      variant="danger-outline"
                      disabledReason={cannotManage}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Pages of members" className="mt-3 flex gap-4 text-sm">
            {page > 1 ? (
              <Link href={`${base}/${group.id}?page=${page - 1}`} className="text-link underline">
                Previous page
              </Link>
            ) : null}
            {members.nextCursor ? (
              <Link href={`${base}/${group.id}?page=${page + 1}`} className="text-link underline">
                Next page
              </Link>
            ) : null}
          </nav>
        </div>
        {cannotManage ? null : (
          <div className="max-w-md">
            <GroupMemberForm action={addGroupMemberAction} hidden={hidden} />
          </div>
        )}
      </section>
      {cannotManage ? null : (
        <section aria-labelledby="delete-group" className="max-w-md space-y-3">
          <h3 id="delete-group" className="text-lg font-medium">
            Delete the group
          </h3>
          <p className="text-sm text-muted">Its members lose what it grants; their own roles stay.</p>
          <ActionForm
            action={deleteGroupAction}
            hidden={{ ...hidden, slug: organization.slug }}
            submitLabel="Delete group"
            variant="danger-outline"
          />
        </section>
      )}
    </div>
  );
}
