import type { Actor } from "@/lib/auth/actor";
import { globalRoles, type GlobalRole } from "@/lib/auth/roles";

/**
 * Everything anyone can be allowed to do, as `resource:action` codes. The catalogue lives
 * here, in code, so a permission can never exist in the database that no check knows
 * about. Global codes come from a user's global role (the table below); organization
 * codes from the role of a membership, which stores which of them it grants.
 */
export const permissionCatalogue = {
  "users:read": { kind: "global", description: "List, read and export every user." },
  "users:write": {
    kind: "global",
    description: "Create, import, change, disable, delete and restore users; sign them out; see and revoke their tokens.",
  },
  "users:purge": { kind: "global", description: "Erase a deleted user's personal data for good." },
  "users:impersonate": {
    kind: "global",
    description: "View the app as a user whose role is below one's own, for at most IMPERSONATION_MINUTES; never a superadmin.",
  },
  "superadmins:manage": { kind: "global", description: "Act on superadmins and hand out the superadmin role." },
  "organizations:read": { kind: "global", description: "See every organization, its members and roles." },
  "organizations:manage": { kind: "global", description: "Do anything in every organization, as its owner could." },
  "outbox:read": { kind: "global", description: "Read the outbox, which holds live reset and invitation links." },
  "audit:verify": { kind: "global", description: "Check that the audit log's hash chain is unbroken." },
  "organization:read": { kind: "organization", description: "See the organization and its settings." },
  "organization:update": {
    kind: "organization",
    description: "Rename the organization, change its address, and require members to use a second factor.",
  },
  "organization:delete": { kind: "organization", description: "Delete the organization." },
  "members:read": { kind: "organization", description: "See who belongs to the organization and with which role." },
  "members:invite": { kind: "organization", description: "Invite people by email and manage pending invitations." },
  "members:update": { kind: "organization", description: "Change the role of members." },
  "members:remove": { kind: "organization", description: "Remove members from the organization." },
  "roles:manage": { kind: "organization", description: "Create, change and delete custom roles." },
  "groups:manage": {
    kind: "organization",
    description: "Create, rename and delete groups, change their members and the roles they grant.",
  },
  "audit:read": { kind: "organization", description: "Read the organization's audit log." },
  "global-webhooks:manage": {
    kind: "global",
    description: "Register webhooks told about every event of the installation, and see their deliveries.",
  },
  "webhooks:manage": {
    kind: "organization",
    description: "Register webhooks told about the organization's events, and see their deliveries.",
  },
  "global-applications:manage": {
    kind: "global",
    description: "Register applications anyone may sign in to through this installation (OpenID Connect), first-party ones included.",
  },
  "applications:manage": {
    kind: "organization",
    description: "Register applications the organization's members sign in to, and services acting for the organization.",
  },
  "scim:manage": {
    kind: "organization",
    description: "Create, list and revoke the SCIM tokens an identity provider uses to provision the organization's users and groups.",
  },
  "global-attributes:manage": {
    kind: "global",
    description: "Define, change and remove the custom attributes every user of the installation carries.",
  },
  "attributes:manage": {
    kind: "organization",
    description: "Define, change and remove the custom attributes the organization keeps about its members.",
  },
  "domains:manage": {
    kind: "organization",
    description: "Add, verify and remove the email domains whose accounts the organization's directory (SCIM) may manage.",
  },
} as const satisfies Record<string, { kind: "global" | "organization"; description: string }>;

type Catalogue = typeof permissionCatalogue;
export type Permission = keyof Catalogue;
export type GlobalPermission = { [P in Permission]: Catalogue[P]["kind"] extends "global" ? P : never }[Permission];
export type OrganizationPermission = Exclude<Permission, GlobalPermission>;

const codes = Object.keys(permissionCatalogue) as Permission[];
export const globalPermissions = codes.filter((code): code is GlobalPermission => permissionCatalogue[code].kind === "global");
export const organizationPermissions = codes.filter(
  (code): code is OrganizationPermission => permissionCatalogue[code].kind === "organization",
);

/** Whether a code is a global permission, held through the global role. */
export function isGlobalPermission(code: string): code is GlobalPermission {
  return Object.hasOwn(permissionCatalogue, code) && permissionCatalogue[code as Permission].kind === "global";
}

/** Whether a stored code is one an organization role can grant today. */
export function isOrganizationPermission(code: string): code is OrganizationPermission {
  return Object.hasOwn(permissionCatalogue, code) && permissionCatalogue[code as Permission].kind === "organization";
}

/**
 * What each global role holds. Admins run users day to day and may read every
 * organization; the outbox (live reset links) and anything touching a superadmin stay
 * with superadmins.
 */
export const globalRolePermissions: Record<GlobalRole, readonly GlobalPermission[]> = {
  superadmin: globalPermissions,
  admin: [
    "users:read",
    "users:write",
    "users:purge",
    "users:impersonate",
    "organizations:read",
    "global-webhooks:manage",
    "global-attributes:manage",
  ],
  user: [],
};

/** What only an organization's owners hold among the built-in roles. */
const ownersOnly: OrganizationPermission[] = ["organization:delete", "scim:manage", "domains:manage", "attributes:manage"];

/**
 * The roles every organization has. Admins run everything day to day but cannot delete
 * the organization or hand a directory the power to provision it (a SCIM token manages
 * every provisioned member, and a verified domain decides which accounts it may reach):
 * those stay with its owners, and canGrant keeps admins from making or unmaking owners.
 * Defining attributes stays with owners too: it decides what the organization records
 * about every member, and removing one erases its values.
 */
export const builtInRoles = {
  owner: { description: "Full control, including deleting the organization.", permissions: organizationPermissions },
  admin: {
    description: "Manages members, invitations, roles and settings.",
    permissions: organizationPermissions.filter((code) => !ownersOnly.includes(code)),
  },
  member: { description: "Sees the organization and its members.", permissions: ["organization:read", "members:read"] },
} satisfies Record<string, { description: string; permissions: OrganizationPermission[] }>;

export type BuiltInRoleName = keyof typeof builtInRoles;
export const builtInRoleNames = Object.keys(builtInRoles) as BuiltInRoleName[];

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
