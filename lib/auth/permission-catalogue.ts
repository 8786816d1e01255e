import type { GlobalRole } from "@/lib/auth/roles";

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
