import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ManagedUser } from "@/lib/schemas/user";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { refuseDeletedUser } from "@/lib/services/users/refuse-deleted-user";

/** Clears the lockout that failed sign-ins built up, so the user can try again now. */
export async function unlockUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUser> {
  return applyUserChange({
    actor,
    userId,
    data: { failedSignIns: 0, lockedUntil: null },
    action: "user.unlocked",
    precondition: refuseDeletedUser,
  });
}
