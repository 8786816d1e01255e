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

export function refreshTokenExpiry(now: Date): Date {
  return new Date(now.getTime() + config().REFRESH_TOKEN_TTL_DAYS * 86_400_000);
}

type GrantOptions = {
  userId: string;
  sessionId: string;
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
export async function issueTokenGrant(tx: Tx, { userId, sessionId, grantedScopes, scopes, clientId, now }: GrantOptions): Promise<TokenGrant> {
  const refreshToken = generateRefreshToken(grantedScopes);
  const expiresAt = refreshTokenExpiry(now);
  await tx.refreshToken.create({ data: { sessionId, tokenHash: hashToken(refreshToken), expiresAt, createdAt: now } });
  await tx.session.update({ where: { id: sessionId }, data: { expires: expiresAt, lastSeenAt: now } });
  const accessToken = await signAccessToken({ userId, sessionId, scopes, clientId }, now);
  return { accessToken, expiresIn: config().ACCESS_TOKEN_TTL_SECONDS, refreshToken, scopes };
}
