import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertMayAdminister } from "@/lib/services/users/assert-may-administer";

/**
 * Signs a user out of every browser and API client at once, for example after a
 * suspected compromise. Personal access tokens are separate credentials and stay.
 */
export async function revokeAllSessionsOfUser({ actor, userId }: { actor: Actor; userId: string }): Promise<{ ended: number }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null } });
    if (!user) throw notFound("User");
    assertMayAdminister(actor, user);
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, {
      action: "user.sessions_revoked",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "user", id: userId },
      after: { ended: count },
    });
    return { ended: count };
  });
}
