import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isAdministrator, type GlobalRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/**
 * Admins and superadmins may act on other users' sign-in state; only a superadmin may
 * act on a superadmin, so an admin cannot interfere with those above them.
 */
export function assertMayAdminister(actor: Actor, target: { role: GlobalRole }): void {
  if (!isAdministrator(actor.role)) throw new AppError("forbidden", "Only administrators may do this.");
  if (target.role === "superadmin" && actor.role !== "superadmin") {
    throw new AppError("forbidden", "Only a superadmin may do this to a superadmin.");
  }
}
