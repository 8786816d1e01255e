import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import type { RolePublic } from "@/lib/schemas/organization";
import type { GrantableRole } from "@/components/groups/group-form";

/** The roles a group may grant (never owner), each disabled when it can do more than the caller holds. */
export function grantableRoles(roles: RolePublic[], held: OrganizationPermission[]): GrantableRole[] {
  return roles
    .filter((role) => !(role.builtIn && role.name === "owner"))
    .map((role) => ({ name: role.name, description: role.description, disabled: !role.permissions.every((code) => held.includes(code)) }));
}
