import "server-only";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { findSessionCallerByToken, mayAct } from "@/lib/services/auth/caller-facts";
import { lastSeenPrecisionMs, sessionExpiry } from "@/lib/services/auth/session-policy";
import { mustEnrollSecondFactor } from "@/lib/services/mfa/second-factor-policy";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

/**
 * Resolves a browser's session secret to its user, or null when the session was ended,
 * has expired, or its user is disabled or deleted. Runs on every authenticated request,
 * which is what makes sign-out and revocation take effect at once.
 */
export async function findSessionActor(sessionToken: string): Promise<Actor | null> {
  const session = await findSessionCallerByToken(hashToken(sessionToken));
  const now = new Date();
  // API sessions are reached through access tokens only, never through a cookie.
  if (!session || session.kind !== "browser" || session.expires <= now) return null;
  if (!mayAct(session)) return null;
  // Viewing as someone ends as soon as the administrator behind it may no longer sign in.
  const { impersonator } = session;
  if (impersonator && !mayAct(impersonator)) return null;

  if (now.getTime() - session.lastSeenAt.getTime() > lastSeenPrecisionMs) {
    // Activity never stretches an impersonation past the end it was given, nor counts as the user's own.
    const idleExpiry = sessionExpiry(session.createdAt, now);
    const expires = impersonator && idleExpiry > session.expires ? session.expires : idleExpiry;
    await db().session.update({ where: { id: session.sessionId }, data: { lastSeenAt: now, expires } });
    if (!impersonator) await recordUserActivity(db(), { userId: session.userId, at: now });
  }

  const viewer = impersonator ? { id: impersonator.id, email: impersonator.email, endsAt: session.expires.toISOString() } : undefined;
  const user = { id: session.userId, email: session.email, role: session.role };
  return sessionActor(user, session.sessionId, mustEnrollSecondFactor(session), viewer);
}
