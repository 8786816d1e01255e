import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { staleVersion } from "@/lib/errors";
import type { RolePublic, RoleUpdate } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { getCustomRole } from "@/lib/services/organization-roles/get-custom-role";
import { roleNameTaken } from "@/lib/services/organization-roles/role-name-taken";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";
import { assertMayGrant } from "@/lib/services/organizations/assert-may-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Changes a custom role; its members gain or lose the permissions on their next request. */
export async function updateRole({
  actor,
  organizationId,
  roleId,
  data,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  roleId: string;
  data: RoleUpdate;
  expectedVersion?: number;
}): Promise<RolePublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "roles:manage" });
    const role = await getCustomRole(tx, { organizationId: organization.id, roleId });
    const permissions = data.permissions ? [...new Set(data.permissions)] : undefined;
    assertMayGrant(actor, access, role);
    if (permissions) assertMayGrant(actor, access, { name: data.name ?? role.name, permissions });
    if (data.name && data.name !== role.name) {
      const clash = await tx.organizationRole.findUnique({
        where: { organizationId_name: { organizationId: organization.id, name: data.name } },
      });
      if (clash) throw roleNameTaken();
    }
    const { count } = await tx.organizationRole.updateMany({
      where: { id: role.id, version: expectedVersion ?? role.version },
      data: { name: data.name, description: data.description, permissions, version: { increment: 1 } },
    });
    if (count === 0) throw staleVersion();
    const result = toRolePublic(await tx.organizationRole.findUniqueOrThrow({ where: { id: role.id } }));
    await recordAuditEvent(tx, {
      action: "role.updated",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "organization_role", id: role.id },
      before: toRolePublic(role),
      after: result,
      organizationId: organization.id,
    });
    return result;
  });
}
