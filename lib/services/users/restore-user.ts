import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { ManagedUser } from "@/lib/schemas/user";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { purgedEmail } from "@/lib/services/users/purged-email";

const dayMs = 24 * 60 * 60 * 1000;

function assertRestorable(user: User): void {
  if (!user.deletedAt) throw new AppError("conflict", "The user is not deleted.");
  if (user.email === purgedEmail(user.id)) {
    throw new AppError("conflict", "The user was purged and cannot be restored.");
  }
  const windowDays = config().USER_RESTORE_WINDOW_DAYS;
  if (Date.now() - user.deletedAt.getTime() > windowDays * dayMs) {
    throw new AppError("conflict", `Deleted users can be restored for ${windowDays} days; this one was deleted earlier.`);
  }
}

/** Brings back a soft-deleted user within the restore window. */
export async function restoreUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUser> {
  return applyUserChange({ actor, userId, data: { deletedAt: null }, action: "user.restored", precondition: assertRestorable });
}
