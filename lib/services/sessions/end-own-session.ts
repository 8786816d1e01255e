import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { refuseWhileImpersonating } from "@/lib/auth/impersonation-gate";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/** Signs one of the caller's sessions out, wherever it is; another user's id is not found. */
export async function endOwnSession({ actor, sessionId }: { actor: Actor; sessionId: string }): Promise<void> {
  refuseWhileImpersonating(actor, "their sessions");
  await db().$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { id: sessionId, userId: actor.userId } });
    if (ended.count === 0) throw notFound("Session");
    await recordAuditEvent(tx, {
      action: "auth.session_ended",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "session", id: sessionId },
    });
  });
}
