import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ManagedUser } from "@/lib/schemas/user";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { assertNotDeleted } from "@/lib/services/users/assert-not-deleted";

/** Blocks a user from signing in ends their sessions and revokes their access tokens at once. */
export async function disableUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUser> {
  return applyUserChange({
    actor,
    userId,
    data: { status: "disabled" },
    action: "user.disabled",
    precondition: assertNotDeleted,
    endAccess: true,
  });
}
