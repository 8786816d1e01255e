import type { GlobalRole } from "@/lib/generated/prisma/enums";

export type { GlobalRole };

export const globalRoles = ["superadmin", "admin", "user"] as const satisfies readonly GlobalRole[];

/** Roles that may open the administration area. */
export function isAdministrator(role: GlobalRole): boolean {
  return role === "superadmin" || role === "admin";
}
