import "server-only";
import { signAccessToken } from "@/lib/auth/access-token";
import type { ApiScope } from "@/lib/auth/scopes";
import { generateRefreshToken, hashToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";

/** What the token endpoint answers (RFC 6749 §5.1), before it is spelled in snake_case. */
export type TokenGrant = {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  scopes: ApiScope[];
};

const day = 86_400_000;

/** When an API session must end whatever happens: REFRESH_TOKEN_MAX_DAYS after its first token. */
export function apiSessionEnd(startedAt: Date): Date {
  return new Date(startedAt.getTime() + config().REFRESH_TOKEN_MAX_DAYS * day);
}

/**
 * A refresh token lives REFRESH_TOKEN_TTL_DAYS, but never past its session's absolute
 * end: rotating tokens would otherwise keep a stolen session alive for ever.
 */
export function refreshTokenExpiry(now: Date, sessionStartedAt: Date): Date {
  return new Date(Math.min(now.getTime() + config().REFRESH_TOKEN_TTL_DAYS * day, apiSessionEnd(sessionStartedAt).getTime()));
}

type GrantOptions = {
  userId: string;
  sessionId: string;
  /** When the session's first token was issued; its absolute lifetime counts from here. */
  sessionStartedAt: Date;
  /** What the session was granted; the refresh token keeps exactly this (RFC 6749 §6). */
  grantedScopes: ApiScope[];
  /** What this access token may do: the granted scopes, or fewer on request. */
  scopes: ApiScope[];
  clientId: string;
  now: Date;
};

/**
 * Issues a fresh access token and the next refresh token of an API session, storing
 * only the refresh token's digest, and keeps the session alive as long as that token.
 */
export async function issueTokenGrant(
  tx: Tx,
  { userId, sessionId, sessionStartedAt, grantedScopes, scopes, clientId, now }: GrantOptions,
): Promise<TokenGrant> {
  const refreshToken = generateRefreshToken(grantedScopes);
  const expiresAt = refreshTokenExpiry(now, sessionStartedAt);
  await tx.refreshToken.create({ data: { sessionId, tokenHash: hashToken(refreshToken), expiresAt, createdAt: now } });
  await tx.session.update({ where: { id: sessionId }, data: { expires: expiresAt, lastSeenAt: now } });
  const accessToken = await signAccessToken({ userId, sessionId, scopes, clientId }, now);
  return { accessToken, expiresIn: config().ACCESS_TOKEN_TTL_SECONDS, refreshToken, scopes };
}
