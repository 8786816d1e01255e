import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

/** Signs one of the caller's sessions out, wherever it is; another user's id is not found. */
export async function endOwnSession({ actor, sessionId }: { actor: Actor; sessionId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { id: sessionId, userId: actor.userId } });
    if (ended.count === 0) throw notFound("Session");
    await endProviderSessions(tx, { userId: actor.userId, sessionIds: [sessionId], reason: "sign-out" });
    await recordAuditEvent(tx, {
      action: "auth.session_ended",
      actor,
      target: { type: "session", id: sessionId },
    });
  });
}
