import "server-only";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { lastSeenPrecisionMs, sessionExpiry } from "@/lib/services/auth/session-policy";
import { mustEnrollSecondFactor, secondFactorPolicyInclude } from "@/lib/services/mfa/second-factor-policy";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

const impersonatorSelect = { select: { id: true, email: true, status: true, deletedAt: true } } as const;

/**
 * Resolves a browser's session secret to its user, or null when the session was ended,
 * has expired, or its user is disabled or deleted. Runs on every authenticated request,
 * which is what makes sign-out and revocation take effect at once.
 */
export async function findSessionActor(sessionToken: string): Promise<Actor | null> {
  const session = await db().session.findUnique({
    where: { sessionToken: hashToken(sessionToken) },
    include: { user: { include: secondFactorPolicyInclude }, impersonator: impersonatorSelect },
  });
  const now = new Date();
  // API sessions are reached through access tokens only, never through a cookie.
  if (!session || session.kind !== "browser" || session.expires <= now) return null;
  if (session.user.status !== "active" || session.user.deletedAt) return null;
  // Viewing as someone ends as soon as the administrator behind it may no longer sign in.
  const { impersonator } = session;
  if (impersonator && (impersonator.status !== "active" || impersonator.deletedAt)) return null;

  if (now.getTime() - session.lastSeenAt.getTime() > lastSeenPrecisionMs) {
    // Activity never stretches an impersonation past the end it was given, nor counts as the user's own.
    const idleExpiry = sessionExpiry(session.createdAt, now);
    const expires = impersonator && idleExpiry > session.expires ? session.expires : idleExpiry;
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now, expires } });
    if (!impersonator) await recordUserActivity(db(), { userId: session.userId, at: now });
  }

  const viewer = impersonator ? { id: impersonator.id, email: impersonator.email, endsAt: session.expires.toISOString() } : undefined;
  return sessionActor(session.user, session.id, mustEnrollSecondFactor(session.user), viewer);
}
