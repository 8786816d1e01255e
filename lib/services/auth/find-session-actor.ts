import "server-only";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { lastSeenPrecisionMs, sessionExpiry } from "@/lib/services/auth/session-policy";
import { mustEnrollSecondFactor, secondFactorPolicyInclude } from "@/lib/services/mfa/second-factor-policy";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

/**
 * Resolves a browser's session secret to its user, or null when the session was ended,
 * has expired, or its user is disabled or deleted. Runs on every authenticated request,
 * which is what makes sign-out and revocation take effect at once.
 */
export async function findSessionActor(sessionToken: string): Promise<Actor | null> {
  const session = await db().session.findUnique({
    where: { sessionToken: hashToken(sessionToken) },
    include: { user: { include: secondFactorPolicyInclude } },
  });
  const now = new Date();
  // API sessions are reached through access tokens only, never through a cookie.
  if (!session || session.kind !== "browser" || session.expires <= now) return null;
  if (session.user.status !== "active" || session.user.deletedAt) return null;

  if (now.getTime() - session.lastSeenAt.getTime() > lastSeenPrecisionMs) {
    await db().session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expires: sessionExpiry(session.createdAt, now) },
    });
    await recordUserActivity(db(), { userId: session.userId, at: now });
  }

  return sessionActor(session.user, session.id, mustEnrollSecondFactor(session.user));
}
