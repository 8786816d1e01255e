import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Ends the caller's "view as" session: the row goes, so its cookie is worthless at once.
 * Returns the user who was viewed and who viewed them, for the way back.
 */
export async function stopImpersonation({ actor }: { actor: Actor }): Promise<{ userId: string; impersonatorId: string }> {
  const { sessionId } = actor;
  if (!actor.impersonator || !sessionId) throw new AppError("bad_request", "You are not viewing as anyone.");
  const impersonator = { id: actor.impersonator.id, email: actor.impersonator.email };
  await db().$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { id: sessionId, userId: actor.userId, impersonatorId: impersonator.id } });
    if (ended.count === 0) return;
    await recordAuditEvent(tx, {
      action: "impersonation.stopped",
      actor: impersonator,
      target: { type: "user", id: actor.userId },
      after: { sessionId, email: actor.email },
      impersonator,
    });
  });
  return { userId: actor.userId, impersonatorId: impersonator.id };
}
