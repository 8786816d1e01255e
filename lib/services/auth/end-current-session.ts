import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

/** Signs the caller out: ends the browser or API session behind the request. */
export async function endCurrentSession({ actor }: { actor: Actor }): Promise<void> {
  if (!actor.sessionId) {
    throw new AppError("bad_request", "A personal access token has no session to end; revoke the token instead.");
  }
  const sessionId = actor.sessionId;
  await db().$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { id: sessionId, userId: actor.userId } });
    if (ended.count === 0) return;
    await endProviderSessions(tx, { userId: actor.userId, sessionIds: [sessionId], reason: "sign-out" });
    await recordAuditEvent(tx, {
      action: "auth.sign_out",
      actor,
      target: { type: "session", id: sessionId },
      after: { via: actor.via },
    });
  });
}
