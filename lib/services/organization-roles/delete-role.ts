import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, staleVersion } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { getCustomRole } from "@/lib/services/organization-roles/get-custom-role";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Deletes a custom role nobody holds, no group grants and no pending invitation offers. */
export async function deleteRole({
  actor,
  organizationId,
  roleId,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  roleId: string;
  expectedVersion?: number;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "roles:manage" });
    const role = await getCustomRole(tx, { organizationId: organization.id, roleId });
    authorizeGrant(actor, access, role);
    const [members, groups, invitations] = await Promise.all([
      tx.membership.count({ where: { roleId: role.id } }),
      tx.groupRole.count({ where: { roleId: role.id } }),
      tx.invitation.count({ where: { roleId: role.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
    ]);
    if (members > 0 || groups > 0 || invitations > 0) {
      throw new AppError(
        "conflict",
        `The role is in use (${members} members, ${groups} groups, ${invitations} pending invitations); give them another role first.`,
      );
    }
    const { count } = await tx.organizationRole.deleteMany({ where: { id: role.id, version: expectedVersion ?? role.version } });
    if (count === 0) throw staleVersion();
    await recordAuditEvent(tx, {
      action: "role.deleted",
      actor,
      target: { type: "organization_role", id: role.id },
      before: { organizationId: organization.id, ...toRolePublic(role) },
    });
  });
}
