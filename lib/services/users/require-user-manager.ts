import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { canManageUsers } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** Refuses callers who may not administer users at all, before any query runs. */
export function requireUserManager(actor: Actor): void {
  if (!canManageUsers(actor.role)) throw new AppError("forbidden", "Only administrators can manage users.");
}
