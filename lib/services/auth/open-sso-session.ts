import "server-only";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { currentRequestContext } from "@/lib/request-context";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { sessionExpiry } from "@/lib/services/auth/session-policy";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

type SsoSignIn = { userId: string; provider: string; isNewUser: boolean; emailVerified: boolean };

/**
 * Opens the server-side session of a single sign-on, as a password sign-in does, and
 * returns its secret for the cookie. A provider that vouches for the address confirms it.
 */
export async function openSsoSession({ userId, provider, isNewUser, emailVerified }: SsoSignIn): Promise<string> {
  const sessionToken = generateToken();
  const now = new Date();
  const context = currentRequestContext();
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await tx.user.update({
      where: { id: userId },
      data: { lastLoginAt: now, ...(emailVerified && !user.emailVerified ? { emailVerified: now } : {}) },
    });
    const session = await tx.session.create({
      data: {
        sessionToken: hashToken(sessionToken),
        userId,
        expires: sessionExpiry(now, now),
        ip: context?.ip ?? null,
        userAgent: context?.userAgent?.slice(0, 512) ?? null,
        createdAt: now,
        lastSeenAt: now,
        verifiedAt: now,
        verifiedWith: "single_sign_on",
      },
    });
    const actor = { id: user.id, email: user.email };
    if (isNewUser) {
      await recordAuditEvent(tx, { action: "auth.sign_up", actor, target: { type: "user", id: user.id }, after: { via: provider } });
    }
    await recordAuditEvent(tx, { action: "auth.sso_sign_in", actor, target: { type: "session", id: session.id }, after: { provider } });
    await recordUserActivity(tx, { userId, at: now });
  });
  return sessionToken;
}
