import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ManagedUser, UserUpdate } from "@/lib/schemas/user";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { assertNotDeleted } from "@/lib/services/users/assert-not-deleted";

/** Changes a user's name, role or status; disabling signs them out everywhere and revokes their tokens. */
export async function updateUser({
  actor,
  userId,
  data,
  expectedVersion,
}: {
  actor: Actor;
  userId: string;
  data: UserUpdate;
  expectedVersion?: number;
}): Promise<ManagedUser> {
  return applyUserChange({
    actor,
    userId,
    expectedVersion,
    data,
    action: "user.updated",
    precondition: assertNotDeleted,
    endAccess: data.status === "disabled",
  });
}
