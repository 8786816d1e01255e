import type { GlobalRole } from "@/lib/generated/prisma/enums";

export type { GlobalRole };

export const globalRoles = ["superadmin", "admin", "user"] as const satisfies readonly GlobalRole[];

/**
 * The global roles, as pure rules the services enforce and the UI consults to hide
 * what the server would refuse anyway:
 * - superadmin: everything;
 * - admin: manages users and organizations, but cannot touch a superadmin or make one;
 * - user: only themselves.
 */

/** Roles that may open the administration area. */
export function isAdministrator(role: GlobalRole): boolean {
  return role === "superadmin" || role === "admin";
}

/** Whether the actor may list and read other users. */
export function canManageUsers(role: GlobalRole): boolean {
  return isAdministrator(role);
}

/** Whether the actor may change, disable, delete or purge a user who has `targetRole`. */
export function canManageUser(actorRole: GlobalRole, targetRole: GlobalRole): boolean {
  if (actorRole === "superadmin") return true;
  return actorRole === "admin" && targetRole !== "superadmin";
}

/** Whether the actor may give someone `role`, on creation or by a change. */
export function canAssignRole(actorRole: GlobalRole, role: GlobalRole): boolean {
  if (actorRole === "superadmin") return true;
  return actorRole === "admin" && role !== "superadmin";
}

/** The roles the actor may hand out, for pickers. */
export function assignableRoles(actorRole: GlobalRole): GlobalRole[] {
  return globalRoles.filter((role) => canAssignRole(actorRole, role));
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
