import "server-only";
import { verifyAccessToken } from "@/lib/auth/access-token";
import type { Actor } from "@/lib/auth/actor";
import { apiScopes } from "@/lib/auth/scopes";
import { hashToken, isPersonalAccessToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { currentRequestContext } from "@/lib/request-context";
import { isLastUseStale } from "@/lib/services/auth/session-policy";
import { findApplicationTokenActor, isApplicationToken, type TokenPresentation } from "@/lib/services/auth/application-token-actor";
import { findApiTokenCaller, findSessionCallerById, mayAct } from "@/lib/services/auth/caller-facts";
import { mustEnrollSecondFactor } from "@/lib/services/mfa/second-factor-policy";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

/** An access token counts only while its API session row exists, which makes it revocable at once. */
async function accessTokenActor(token: string, now: Date): Promise<Actor | null> {
  const claims = await verifyAccessToken(token);
  if (!claims) return null;
  const session = await findSessionCallerById(claims.sessionId, claims.userId);
  if (!session || session.kind !== "api" || session.expires <= now || !mayAct(session)) return null;
  if (isLastUseStale(session.lastSeenAt, now)) {
    await db().session.update({ where: { id: session.sessionId }, data: { lastSeenAt: now } });
    await recordUserActivity(db(), { userId: session.userId, at: now });
  }
  return {
    userId: session.userId,
    email: session.email,
    role: session.role,
    via: "access_token",
    sessionId: session.sessionId,
    apiTokenId: null,
    scopes: claims.scopes,
    organizationId: null,
    mustEnrollSecondFactor: mustEnrollSecondFactor(session),
  };
}

async function personalAccessTokenActor(token: string, now: Date): Promise<Actor | null> {
  const stored = await findApiTokenCaller(hashToken(token));
  if (!stored || stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now) || !mayAct(stored)) return null;
  if (isLastUseStale(stored.lastUsedAt, now)) {
    await db().apiToken.update({
      where: { id: stored.apiTokenId },
      data: { lastUsedAt: now, lastUsedIp: currentRequestContext()?.ip ?? null },
    });
    await recordUserActivity(db(), { userId: stored.userId, at: now });
  }
  return {
    userId: stored.userId,
    email: stored.email,
    role: stored.role,
    via: "api_token",
    sessionId: null,
    apiTokenId: stored.apiTokenId,
    scopes: apiScopes.filter((scope) => stored.scopes.includes(scope)),
    organizationId: stored.organizationId,
  };
}

/**
 * Resolves an `Authorization: Bearer` credential: a personal access token (`umt_…`), an
 * access token the identity provider issued to an application, or one of the legacy
 * password grant; or an `Authorization: DPoP` one, which only the provider's tokens bound
 * to a key can be. Null when it is unknown, expired, revoked, presented other than it is
 * bound, or its user cannot sign in.
 */
export async function findBearerActor(token: string, presentation: TokenPresentation = { scheme: "bearer" }): Promise<Actor | null> {
  const now = new Date();
  if (isApplicationToken(token)) return findApplicationTokenActor(token, presentation);
  // Personal and legacy tokens are never bound to a key: sent with DPoP, they are refused (RFC 9449, 7.2).
  if (presentation.scheme !== "bearer") return null;
  return isPersonalAccessToken(token) ? personalAccessTokenActor(token, now) : accessTokenActor(token, now);
}
