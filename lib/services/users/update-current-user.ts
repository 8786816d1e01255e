import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { UserPublic, UserSelfUpdate } from "@/lib/schemas/user";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { findAttributeValues } from "@/lib/services/attributes/find-attribute-values";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";
import { toUserPublic } from "@/lib/services/users/to-user-public";

/** The signed-in user changes their own name, or the attributes the installation lets them change. */
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
    // Only attributes marked `edit`; any other key is refused naming it (write-attribute-values.ts).
    if (data.attributes)
      await writeAttributeValues(tx, { actor, userId: before.id, organizationId: null, input: data.attributes, audience: "user" });
    return after;
  });
  const attributes = await findAttributeValues(undefined, { userId: user.id, organizationId: null, audience: "user" });
  return { ...toUserPublic(user), attributes };
}
