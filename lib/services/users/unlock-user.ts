import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertMayAdminister } from "@/lib/services/users/assert-may-administer";

/**
 * Lifts a sign-in lockout at once (docs/security.md): the failure count, the lock, and
 * the account's rate-limit window all start again.
 */
export async function unlockUser({ actor, userId }: { actor: Actor; userId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null } });
    if (!user) throw notFound("User");
    assertMayAdminister(actor, user);
    await tx.user.update({ where: { id: userId }, data: { failedSignIns: 0, lockedUntil: null } });
    await tx.rateLimitBucket.deleteMany({ where: { key: `sign-in:account:${user.email}` } });
    await recordAuditEvent(tx, {
      action: "user.unlocked",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "user", id: userId },
      before: { failedSignIns: user.failedSignIns, lockedUntil: user.lockedUntil?.toISOString() ?? null },
    });
  });
}
