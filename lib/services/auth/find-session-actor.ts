import "server-only";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { findSessionCallerByToken, mayAct, type SessionCaller } from "@/lib/services/auth/caller-facts";
import { isLastUseStale, sessionExpiry } from "@/lib/services/auth/session-policy";
import { mustEnrollSecondFactor } from "@/lib/services/mfa/second-factor-policy";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

/** Whether the viewer still holds `users:impersonate` over the viewed user, as when the view began. */
const mayStillView = (viewer: NonNullable<SessionCaller["impersonator"]>, viewed: SessionCaller) =>
  can(sessionActor(viewer, "view"), "users:impersonate", { user: { role: viewed.role } });

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
  // Viewing as someone ends as soon as the administrator behind it may no longer sign in,
  // or no longer holds the right to view as this user (demoted, or the user promoted). A
  // view also ends with the administrator's own session (a foreign key deletes it).
  const { impersonator } = session;
  if (impersonator && !(mayAct(impersonator) && mayStillView(impersonator, session))) return null;

  if (isLastUseStale(session.lastSeenAt, now)) {
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
