import type { Actor } from "@/lib/auth/actor";

/**
 * Everything a role inside an organization can allow, as `resource:action` codes. The
 * catalogue lives here, in code, so a permission can never exist in the database that
 * no check knows about; roles only store which of these they grant.
 */
export const permissionCatalogue = {
  "organization:read": "See the organization and its settings.",
  "organization:update": "Rename the organization and change its address.",
  "organization:delete": "Delete the organization.",
  "members:read": "See who belongs to the organization and with which role.",
  "members:invite": "Invite people by email and manage pending invitations.",
  "members:update": "Change the role of members.",
  "members:remove": "Remove members from the organization.",
  "roles:manage": "Create, change and delete custom roles.",
  "audit:read": "Read the organization's audit log.",
  "tokens:manage": "Manage access tokens restricted to the organization.",
} as const;

export type Permission = keyof typeof permissionCatalogue;

export const permissions = Object.keys(permissionCatalogue) as Permission[];

export function isPermission(code: string): code is Permission {
  return Object.hasOwn(permissionCatalogue, code);
}

/**
 * The roles every organization has. Admins run everything day to day but cannot delete
 * the organization: that stays with its owners, and canGrant keeps admins from making
 * or unmaking owners.
 */
export const builtInRoles = {
  owner: { description: "Full control, including deleting the organization.", permissions },
  admin: {
    description: "Manages members, invitations, roles and settings.",
    permissions: permissions.filter((code) => code !== "organization:delete"),
  },
  member: { description: "Sees the organization and its members.", permissions: ["organization:read", "members:read"] },
} satisfies Record<string, { description: string; permissions: Permission[] }>;

export type BuiltInRoleName = keyof typeof builtInRoles;
export const builtInRoleNames = Object.keys(builtInRoles) as BuiltInRoleName[];



/** What the caller holds in one organization: the permissions of its membership's role, if any. */
export type OrganizationAccess = {
  organizationId: string;
  membership: { permissions: readonly string[] } | null;
};

const isReadOnly = (permission: Permission) => permission.endsWith(":read");

/**
 * The one rule behind every authorization decision inside an organization.
 *
 * - A token restricted to one organization acts nowhere else, whoever its user is.
 * - A token's scopes bound it: reading needs `read`, everything else `write`.
 * - Superadmins may do anything anywhere; global admins may read every organization.
 * - Anyone else needs a membership whose role grants the permission. Belonging to an
 *   organization always lets one see it, so `organization:read` comes with membership.
 */
export function can(actor: Actor, permission: Permission, access: OrganizationAccess): boolean {
  if (actor.organizationId !== null && actor.organizationId !== access.organizationId) return false;
  if (actor.scopes !== null && !actor.scopes.includes(isReadOnly(permission) ? "read" : "write")) return false;
  if (actor.role === "superadmin") return true;
  if (actor.role === "admin" && isReadOnly(permission)) return true;
  if (!access.membership) return false;
  return permission === "organization:read" || access.membership.permissions.includes(permission);
}

/**
 * Whether the caller may hand out (or take away) a role with these permissions: only
 * when it holds every one of them itself. So nobody climbs above their own role by
 * making a custom role or assigning one, and an admin cannot demote or remove an owner.
 */
export function canGrant(actor: Actor, access: OrganizationAccess, granted: readonly string[]): boolean {
  return granted.every((code) => isPermission(code) && can(actor, code, access));
}

/** Every permission the caller holds in the organization, for showing only usable controls. */
export function grantedPermissions(actor: Actor, access: OrganizationAccess): Permission[] {
  return permissions.filter((permission) => can(actor, permission, access));
}
