import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { idField } from "@/lib/schemas/fields";
import type { ManagedUser, UserUpdate } from "@/lib/schemas/user";
import { requireStepUp } from "@/lib/services/auth/require-step-up";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { refuseDeletedUser } from "@/lib/services/users/refuse-deleted-user";

/** Whether the change gives the user another global role; a missing user is left for the change to report. */
async function changesRole(userId: string, role: GlobalRole): Promise<boolean> {
  if (!idField.safeParse(userId).success) return false;
  const current = await db().user.findUnique({ where: { id: userId }, select: { role: true } });
  return current !== null && current.role !== role;
}

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
  if (data.role !== undefined && (await changesRole(userId, data.role))) {
    authorize(actor, "users:write");
    await requireStepUp(actor);
  }
  return applyUserChange({
    actor,
    userId,
    expectedVersion,
    data,
    action: "user.updated",
    precondition: refuseDeletedUser,
    endAccess: data.status === "disabled",
  });
}
