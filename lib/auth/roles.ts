import type { GlobalRole } from "@/lib/generated/prisma/enums";

export type { GlobalRole };

/**
 * The global roles. What each may do is the table `globalRolePermissions` in
 * `lib/auth/permission-catalogue.ts`; this file keeps the last-superadmin rule and names the
 * elevated roles, which second-factor policy and step-up treat with more care.
 */
export const globalRoles = ["superadmin", "admin", "user"] as const satisfies readonly GlobalRole[];

/** Global admins and superadmins: the accounts MFA_REQUIRED_FOR=admins covers, and roles whose grant is a sensitive action. */
export function isElevatedRole(role: GlobalRole): boolean {
  return role !== "user";
}

/** A user's standing as far as the last-superadmin rule is concerned. */
export type SuperadminStanding = { role: GlobalRole; status: "active" | "disabled"; deleted: boolean };

/** Whether the user counts towards keeping the installation administrable. */
export function isActiveSuperadmin(user: SuperadminStanding): boolean {
  return user.role === "superadmin" && user.status === "active" && !user.deleted;
}

/**
 * Whether a change would leave no active superadmin: it takes one away (demotes,
 * disables, deletes) while it is the only one left.
 */
export function removesLastSuperadmin(before: SuperadminStanding, after: SuperadminStanding, activeSuperadmins: number): boolean {
  return isActiveSuperadmin(before) && !isActiveSuperadmin(after) && activeSuperadmins <= 1;
}
