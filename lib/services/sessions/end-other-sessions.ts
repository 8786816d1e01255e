import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { findFactorSummary, type PublicFactor } from "@/lib/services/mfa/find-factors";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

/**
 * Signs the caller out everywhere except the session making the request. Answers how many
 * ended and the second factors the account has, which a sign-out leaves in place: one
 * added by whoever held another session is then seen and can be removed.
 */
export async function endOtherSessions({ actor }: { actor: Actor }): Promise<{ ended: number; factors: PublicFactor[] }> {
  const ended = await db().$transaction(async (tx) => {
    const others = { userId: actor.userId, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) };
    const ending = await tx.session.findMany({ where: others, select: { id: true } });
    await endProviderSessions(tx, { userId: actor.userId, sessionIds: ending.map(({ id }) => id), reason: "sign-out-everywhere" });
    const { count } = await tx.session.deleteMany({ where: others });
    await recordAuditEvent(tx, {
      action: "auth.session_ended",
      actor,
      target: { type: "user", id: actor.userId },
      after: { ended: count, kept: actor.sessionId },
    });
    return count;
  });
  return { ended, factors: (await findFactorSummary(actor.userId)).factors };
}
