import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ManagedUser } from "@/lib/schemas/user";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { refuseDeletedUser } from "@/lib/services/users/refuse-deleted-user";

/**
 * Clears the lockout that failed sign-ins built up, and the account's sign-in rate-limit
 * window, so the user can try again now (docs/security.md).
 */
export async function unlockUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUser> {
  return applyUserChange({
    actor,
    userId,
    data: { failedSignIns: 0, lockedUntil: null },
    action: "user.unlocked",
    precondition: refuseDeletedUser,
    alsoInTransaction: (tx, user) => tx.rateLimitBucket.deleteMany({ where: { key: `sign-in:account:${user.email}` } }),
  });
}
