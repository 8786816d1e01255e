import type { Actor } from "@/lib/auth/actor";
import {
  builtInRoles,
  globalRolePermissions,
  isOrganizationPermission,
  organizationPermissions,
  permissionCatalogue,
  type GlobalPermission,
  type OrganizationPermission,
  type Permission,
} from "@/lib/auth/permission-catalogue";
import { globalRoles, type GlobalRole } from "@/lib/auth/roles";

// Who may do what, decided from the codes and role tables of permission-catalogue.ts: `can`, and what is read off it.

/**
 * What the caller holds in one organization: the permissions of its membership's role
 * and of the roles its groups grant there (one list, their union), if it is a member.
 */
export type OrganizationAccess = {
  organizationId: string;
  membership: { permissions: readonly string[] } | null;
};

/** The user a global action is about: one who has, or would be given, this role. */
export type UserTarget = { user: { role: GlobalRole } };

const isReadOnly = (permission: Permission) => permission.endsWith(":read");

/** A token's own limits, which bound every permission whoever its user is. */
function tokenAllows(actor: Actor, permission: Permission, organizationId: string | null): boolean {
  if (actor.organizationId !== null && actor.organizationId !== organizationId) return false;
  return actor.scopes === null || actor.scopes.includes(isReadOnly(permission) ? "read" : "write");
}

/** Whether the target's global role is below the actor's: superadmin above admin above user. */
const ranksBelow = (actor: Actor, target: UserTarget) => globalRoles.indexOf(target.user.role) > globalRoles.indexOf(actor.role);

/** Whether anyone at all may view the app as a user of this role: not when nobody ranks above it, as for a superadmin. */
export function isImpersonable(target: UserTarget): boolean {
  return globalRoles.indexOf(target.user.role) > 0;
}

/**
 * A global permission from the role table; acting on a superadmin (other than reading)
 * takes more. Viewing as someone lends the viewer that person's rights, so it reaches
 * only a role below the viewer's own: admins view as users, superadmins as admins and
 * users, and nobody as a superadmin.
 */
function holdsGlobal(actor: Actor, permission: GlobalPermission, target: UserTarget | undefined): boolean {
  const held = globalRolePermissions[actor.role];
  if (!held.includes(permission)) return false;
  if (permission === "users:impersonate" && target && !ranksBelow(actor, target)) return false;
  const touchesSuperadmin = target?.user.role === "superadmin" && !isReadOnly(permission);
  return !touchesSuperadmin || held.includes("superadmins:manage");
}

/** What a machine application acting as itself holds in an organization: its own organization's admin role, nothing elsewhere. */
function actingApplicationPermissions(actor: Actor, access: OrganizationAccess): readonly string[] | undefined {
  if (actor.application?.acting !== "itself") return undefined;
  return actor.organizationId === access.organizationId ? builtInRoles.admin.permissions : [];
}

/** An organization permission: from the global role first, else from the membership's role. */
function holdsInOrganization(actor: Actor, permission: OrganizationPermission, access: OrganizationAccess): boolean {
  // A token limited to an organization acts through its membership there only.
  if (actor.organizationId === null) {
    if (can(actor, "organizations:manage")) return true;
    if (isReadOnly(permission) && can(actor, "organizations:read")) return true;
  }
  // A machine application acts in its own organization with the built-in admin role.
  const held = actingApplicationPermissions(actor, access) ?? access.membership?.permissions;
  if (!held) return false;
  return permission === "organization:read" || held.includes(permission);
}

/**
 * The one rule behind every authorization decision, global or inside an organization.
 *
 * - A token's scopes bound it: reading needs `read`, everything else `write`.
 * - A token limited to one organization acts nowhere else and never uses a global
 *   permission, whoever its user is.
 * - Global permissions come from the user's global role (`globalRolePermissions`); an
 *   action on a superadmin, or giving someone that role, also needs `superadmins:manage`.
 * - Organization permissions come from `organizations:manage` / `organizations:read`,
 *   else from a membership whose role grants them. Belonging to an organization always
 *   lets one see it, so `organization:read` comes with membership.
 */
export function can(actor: Actor, permission: OrganizationPermission, scope: OrganizationAccess): boolean;
export function can(actor: Actor, permission: GlobalPermission, scope?: UserTarget): boolean;
export function can(actor: Actor, permission: Permission, scope?: OrganizationAccess | UserTarget): boolean {
  if (permissionCatalogue[permission].kind === "global") {
    const target = scope && "user" in scope ? scope : undefined;
    return tokenAllows(actor, permission, null) && holdsGlobal(actor, permission as GlobalPermission, target);
  }
  if (!scope || !("organizationId" in scope)) return false;
  return tokenAllows(actor, permission, scope.organizationId) && holdsInOrganization(actor, permission as OrganizationPermission, scope);
}

/**
 * The permission that lets a caller know a resource exists. Without it the caller is
 * told "not found"; with it but without the permission asked for, "forbidden".
 */
export function visibilityPermission(permission: Permission): Permission {
  if (permissionCatalogue[permission].kind === "organization") return "organization:read";
  if (permission.startsWith("users:") || permission === "superadmins:manage") return "users:read";
  return permission.startsWith("organizations:") ? "organizations:read" : permission;
}

/**
 * Whether the caller may hand out (or take away) a role with these permissions: only
 * when it holds every one of them itself. So nobody climbs above their own role by
 * making a custom role or assigning one, and an admin cannot demote or remove an owner.
 */
export function canGrant(actor: Actor, access: OrganizationAccess, granted: readonly string[]): boolean {
  return granted.every((code) => isOrganizationPermission(code) && can(actor, code, access));
}

/** Every permission the caller holds in the organization, for showing only usable controls. */
export function grantedPermissions(actor: Actor, access: OrganizationAccess): OrganizationPermission[] {
  return organizationPermissions.filter((permission) => can(actor, permission, access));
}

/** The global roles the caller may give someone, for pickers; also whose users it may change. */
export function assignableRoles(actor: Actor): GlobalRole[] {
  return globalRoles.filter((role) => can(actor, "users:write", { user: { role } }));
}

/**
 * Whether an identity provider's directory (SCIM) may change the account itself (its
 * email, name, enabled or disabled), beyond its membership: never a global
 * administrator's, whatever the directory sends, so a directory cannot lock out or take
 * over the people who run the installation.
 */
export function isDirectoryManageable(user: UserTarget["user"]): boolean {
  return user.role === "user";
}
