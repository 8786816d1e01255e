import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ManagedUser } from "@/lib/schemas/user";
import { clearSignInThrottles } from "@/lib/services/auth/sign-in-failures";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { assertNotDeleted } from "@/lib/services/users/assert-not-deleted";

/**
 * Clears what failed sign-ins built up: the delays of every client address and the
 * account's ceiling, so the user can try again now (docs/security.md).
 */
export async function unlockUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUser> {
  return applyUserChange({
    actor,
    userId,
    data: { failedSignIns: 0, lockedUntil: null },
    action: "user.unlocked",
    precondition: assertNotDeleted,
    alsoInTransaction: (tx, user) => clearSignInThrottles(tx, user.email),
  });
}
