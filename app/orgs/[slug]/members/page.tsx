import type { Metadata } from "next";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "@/app/orgs/[slug]/members/actions";
import { ActionForm } from "@/components/organizations/action-form";
import { loadOrganization } from "@/components/organizations/load-organization";
import { RoleSelect } from "@/components/organizations/role-select";
import { TextField } from "@/components/ui/text-field";
import { listRoles } from "@/lib/services/organization-roles/list-roles";
import { listMembers } from "@/lib/services/organizations/list-members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  const organizationId = organization.id;
  const [members, roles] = await Promise.all([
    can("members:read") ? listMembers({ actor, organizationId, query: { limit: 100 } }) : { data: [] },
    listRoles({ actor, organizationId }),
  ]);
  const cannotUpdate = can("members:update") ? undefined : "Your role cannot change roles.";
  const cannotRemove = can("members:remove") ? undefined : "Your role cannot remove members.";

  return (
    <div className="space-y-6">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members</caption>
        <thead className="text-zinc-500">
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
            <tr key={member.userId} data-testid={`member-${member.email}`}>
              <td className="py-2">
                <div className="font-medium">{member.name ?? member.email}</div>
                <div className="text-zinc-500">{member.email}</div>
              </td>
              <td>
                <ActionForm action={changeMemberRoleAction} hidden={{ organizationId, userId: member.userId }} submitLabel="Change role" variant="secondary" disabledReason={cannotUpdate} className="flex items-center gap-2">
                  <RoleSelect id={`role-${member.userId}`} label={`Role of ${member.email}`} roles={roles.data} defaultValue={member.role.name} disabled={Boolean(cannotUpdate)} />
                </ActionForm>
              </td>
              <td className="text-right">
                <ActionForm
                  action={removeMemberAction}
                  hidden={{ organizationId, userId: member.userId }}
                  submitLabel={member.userId === actor.userId ? "Leave" : "Remove"}
                  variant="danger"
                  disabledReason={member.userId === actor.userId ? undefined : cannotRemove}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {can("members:invite") ? (
        <section aria-labelledby="add-member" className="max-w-md space-y-3">
          <h2 id="add-member" className="text-lg font-medium">
            Add an existing user
          </h2>
          <ActionForm action={addMemberAction} hidden={{ organizationId }} submitLabel="Add member" className="space-y-3">
            <TextField label="Email of the user" name="email" type="email" required />
            <RoleSelect id="new-member-role" label="Role of the new member" roles={roles.data} defaultValue="member" />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
