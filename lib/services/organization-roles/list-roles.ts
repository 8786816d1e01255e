import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RolePublic } from "@/lib/schemas/organization";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";

/**
 * The organization's roles, built-in first. Organizations have a handful of roles, so
 * the list comes in one page (`{ data }`, like every list).
 */
export async function listRoles({ actor, organizationId }: { actor: Actor; organizationId: string }): Promise<{ data: RolePublic[] }> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "organization:read" });
  const roles = await db().organizationRole.findMany({
    where: { organizationId: organization.id },
    orderBy: [{ builtIn: "desc" }, { id: "asc" }],
  });
  return { data: roles.map(toRolePublic) };
}
