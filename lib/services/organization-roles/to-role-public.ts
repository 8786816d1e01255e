import { isOrganizationPermission } from "@/lib/auth/permission-catalogue";
import type { OrganizationRole } from "@/lib/generated/prisma/client";
import type { RolePublic } from "@/lib/schemas/organization";

export function toRolePublic(role: OrganizationRole): RolePublic {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    // A code retired from the catalogue grants nothing, so it is not shown either.
    permissions: role.permissions.filter(isOrganizationPermission),
    version: role.version,
  };
}
