import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RoleCreate, RolePublic } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { roleNameTaken } from "@/lib/services/organization-roles/role-name-taken";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Creates a custom role granting any permissions the caller holds itself. */
export async function createRole({
  actor,
  organizationId,
  data,
}: {
  actor: Actor;
  organizationId: string;
  data: RoleCreate;
}): Promise<RolePublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "roles:manage" });
    const permissions = [...new Set(data.permissions)];
    authorizeGrant(actor, access, { name: data.name, permissions });
    const existing = await tx.organizationRole.findUnique({
      where: { organizationId_name: { organizationId: organization.id, name: data.name } },
    });
    if (existing) throw roleNameTaken();
    const role = await tx.organizationRole.create({
      data: { organizationId: organization.id, name: data.name, description: data.description ?? null, permissions },
    });
    const result = toRolePublic(role);
    await recordAuditEvent(tx, {
      action: "role.created",
      actor,
      target: { type: "organization_role", id: role.id },
      after: { organizationId: organization.id, ...result },
    });
    return result;
  });
}
