import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { refuseWhileImpersonating } from "@/lib/auth/impersonation-gate";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/** Signs the caller out everywhere except the session making the request; returns how many ended. */
export async function endOtherSessions({ actor }: { actor: Actor }): Promise<{ ended: number }> {
  refuseWhileImpersonating(actor, "their sessions");
  return db().$transaction(async (tx) => {
    const others = { userId: actor.userId, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) };
    const { count } = await tx.session.deleteMany({ where: others });
    await recordAuditEvent(tx, {
      action: "auth.session_ended",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "user", id: actor.userId },
      after: { ended: count, kept: actor.sessionId },
    });
    return { ended: count };
  });
}
