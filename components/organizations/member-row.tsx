import { changeMemberRoleAction, removeMemberAction } from "@/app/orgs/[slug]/members/actions";
import { ActionForm } from "@/components/organizations/action-form";
import { RoleSelect, type roleOptions } from "@/components/organizations/role-select";
import type { MemberPublic } from "@/lib/schemas/organization";

type MemberRowProps = {
  organizationId: string;
  member: MemberPublic;
  roles: ReturnType<typeof roleOptions>;
  isSelf: boolean;
  /** Why the caller cannot change roles or remove members, when it cannot. */
  cannotUpdate?: string;
  cannotRemove?: string;
};

export function MemberRow({ organizationId, member, roles, isSelf, cannotUpdate, cannotRemove }: MemberRowProps) {
  const hidden = { organizationId, userId: member.userId };
  return (
    <tr data-testid={`member-${member.email}`}>
      <td className="py-2">
        <div className="font-medium">{member.name ?? member.email}</div>
        <div className="text-zinc-500">{member.email}</div>
      </td>
      <td>
        <ActionForm action={changeMemberRoleAction} hidden={hidden} submitLabel="Change role" variant="secondary" disabledReason={cannotUpdate} className="flex items-center gap-2">
          <RoleSelect id={`role-${member.userId}`} label={`Role of ${member.email}`} roles={roles} defaultValue={member.role.name} disabled={Boolean(cannotUpdate)} />
        </ActionForm>
      </td>
      <td className="text-right">
        <ActionForm action={removeMemberAction} hidden={hidden} submitLabel={isSelf ? "Leave" : "Remove"} variant="danger" disabledReason={isSelf ? undefined : cannotRemove} />
      </td>
    </tr>
  );
}
