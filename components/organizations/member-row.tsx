import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { RoleSelect, type roleOptions } from "@/components/organizations/role-select";
import type { FormAction } from "@/lib/form-state";
import type { MemberPublic } from "@/lib/schemas/organization";

type MemberRowProps = {
  actions: { changeRole: FormAction; remove: FormAction };
  organizationId: string;
  /** The member's own page, with their attributes in the organization. */
  href: string;
  member: MemberPublic;
  roles: ReturnType<typeof roleOptions>;
  isSelf: boolean;
  /** Why the caller cannot change roles or remove members, when it cannot. */
  cannotUpdate?: string;
  cannotRemove?: string;
};

export function MemberRow({ actions, organizationId, href, member, roles, isSelf, cannotUpdate, cannotRemove }: MemberRowProps) {
  const hidden = { organizationId, userId: member.userId };
  return (
    <tr data-testid={`member-${member.email}`}>
      <td className="py-2">
        <div className="font-medium">
          <Link href={href} className="hover:underline">
            {member.name ?? member.email}
          </Link>
        </div>
        <div className="text-muted">{member.email}</div>
      </td>
      <td>
        <ActionForm
          action={actions.changeRole}
          hidden={hidden}
          submitLabel="Change role"
          variant="secondary"
          disabledReason={cannotUpdate}
          className="flex items-center gap-2"
        >
          <RoleSelect
            id={`role-${member.userId}`}
            label={`Role of ${member.email}`}
            roles={roles}
            defaultValue={member.role.name}
            disabled={Boolean(cannotUpdate)}
          />
        </ActionForm>
      </td>
      <td className="text-right">
        <ActionForm
          action={actions.remove}
          hidden={hidden}
          submitLabel={isSelf ? "Leave" : "Remove"}
          variant="danger-outline"
          disabledReason={isSelf ? undefined : cannotRemove}
        />
      </td>
    </tr>
  );
}
