import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ManagedUser } from "@/lib/schemas/user";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { assertNotDeleted } from "@/lib/services/users/assert-not-deleted";

/**
 * Soft-deletes a user: they disappear from lists (except `status=deleted`), cannot sign
 * in, their sessions end and their access tokens are revoked for good. Restorable within USER_RESTORE_WINDOW_DAYS; purging
 * removes their personal data for good.
 */
export async function deleteUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUser> {
  return applyUserChange({
    actor,
    userId,
    data: { deletedAt: new Date() },
    action: "user.deleted",
    precondition: assertNotDeleted,
    endAccess: true,
  });
}
