import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { getScimGroupRow, memberRole, setMemberRole } from "@/lib/services/scim/save-scim-group";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";

/**
 * DELETE /Groups/{id}: its members fall back to the built-in `member` role, as do
 * pending invitations offering it, and the custom role goes.
 */
export async function deleteScimGroup({
  caller,
  groupId,
  expectedVersion,
}: {
  caller: ScimCaller;
  groupId: string;
  expectedVersion?: string;
}) {
  await db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    const row = await getScimGroupRow(tx, caller, groupId, expectedVersion);
    const fallback = await memberRole(tx, caller.organizationId);
    for (const membership of row.memberships) await setMemberRole(tx, caller, membership.userId, fallback);
    // Members the directory did not provision may hold the role too: they fall back alike.
    await tx.membership.updateMany({ where: { roleId: row.id }, data: { roleId: fallback.id, version: { increment: 1 } } });
    await tx.invitation.updateMany({ where: { roleId: row.id }, data: { roleId: fallback.id } });
    await tx.organizationRole.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, {
      action: "role.deleted",
      actor: scimAuditActor(caller),
      target: { type: "organization_role", id: row.id },
      before: { organizationId: caller.organizationId, ...toRolePublic(row) },
    });
  });
}
