import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { UserPublic, UserSelfUpdate } from "@/lib/schemas/user";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toUserPublic } from "@/lib/services/users/to-user-public";

/** The signed-in user changes their own name. */
export async function updateCurrentUser({ actor, data }: { actor: Actor; data: UserSelfUpdate }): Promise<UserPublic> {
  const user = await db().$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id: actor.userId, deletedAt: null } });
    if (!before) throw notFound("User");
    const after = await tx.user.update({ where: { id: before.id }, data: { name: data.name, version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      action: "user.updated",
      actor,
      target: { type: "user", id: before.id },
      before: toUserPublic(before),
      after: toUserPublic(after),
    });
    return after;
  });
  return toUserPublic(user);
}
