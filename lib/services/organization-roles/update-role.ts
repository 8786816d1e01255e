import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RolePublic, RoleUpdate } from "@/lib/schemas/organization";
import { versionedUpdate } from "@/lib/services/versioned-update";
import { getCustomRole } from "@/lib/services/organization-roles/get-custom-role";
import { roleNameTaken } from "@/lib/services/organization-roles/role-name-taken";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
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
    authorizeGrant(actor, access, role);
    if (permissions) authorizeGrant(actor, access, { name: data.name ?? role.name, permissions });
    if (data.name && data.name !== role.name) {
      const clash = await tx.organizationRole.findUnique({
        where: { organizationId_name: { organizationId: organization.id, name: data.name } },
      });
      if (clash) throw roleNameTaken();
    }
    return versionedUpdate(tx, {
      update: () =>
        tx.organizationRole.updateMany({
          where: { id: role.id, version: expectedVersion ?? role.version },
          data: { name: data.name, description: data.description, permissions, version: { increment: 1 } },
        }),
      reload: async () => toRolePublic(await tx.organizationRole.findUniqueOrThrow({ where: { id: role.id } })),
      event: {
        action: "role.updated",
        actor,
        target: { type: "organization_role", id: role.id },
        before: toRolePublic(role),
        organizationId: organization.id,
      },
    });
  });
}
