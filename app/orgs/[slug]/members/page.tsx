import type { Metadata } from "next";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "@/app/orgs/[slug]/members/actions";
import { ActionForm } from "@/components/forms/action-form";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { MemberRow } from "@/components/organizations/member-row";
import { RoleSelect, roleOptions } from "@/components/organizations/role-select";
import { TextField } from "@/components/ui/text-field";
import { listRoles } from "@/lib/services/organization-roles/list-roles";
import { listMembers } from "@/lib/services/organizations/list-members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, organization, permissions, can } = await loadOrganization((await params).slug);
  const organizationId = organization.id;
  const [members, roles] = await Promise.all([
    can("members:read") ? listMembers({ actor, organizationId, query: { limit: 100 } }) : { data: [] },
    listRoles({ actor, organizationId }),
  ]);
  const options = roleOptions(roles.data, permissions);
  const cannotUpdate = can("members:update") ? undefined : "Your role cannot change roles.";
  const cannotRemove = can("members:remove") ? undefined : "Your role cannot remove members.";

  return (
    <div className="space-y-6">
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members</caption>
          <thead className="text-muted">
            <tr>
              <th className="py-2">Member</th>
              <th>Role</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {members.data.map((member) => (
              <MemberRow
                actions={{ changeRole: changeMemberRoleAction, remove: removeMemberAction }}
                key={member.userId}
                organizationId={organizationId}
                href={`/orgs/${organization.slug}/members/${member.userId}`}
                member={member}
                roles={options}
                isSelf={member.userId === actor.userId}
                cannotUpdate={cannotUpdate}
                cannotRemove={cannotRemove}
              />
            ))}
          </tbody>
        </table>
      </div>
      {can("members:invite") ? (
        <section aria-labelledby="add-member" className="max-w-md space-y-3">
          <h2 id="add-member" className="text-lg font-medium">
            Add a member
          </h2>
          <p className="text-sm text-muted">
            An invitation is emailed to the address, and the person joins once they accept it. Global administrators add an existing account
            at once.
          </p>
          <ActionForm action={addMemberAction} hidden={{ organizationId }} submitLabel="Add member" className="space-y-3">
            <TextField label="Email address" name="email" type="email" required />
            <RoleSelect id="new-member-role" label="Role of the new member" roles={options} defaultValue="member" />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
