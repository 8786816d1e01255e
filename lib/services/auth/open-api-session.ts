import "server-only";
import type { ApiScope } from "@/lib/auth/scopes";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db";
import type { Proof, User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { openSession } from "@/lib/services/auth/open-session";
import { issueTokenGrant, refreshTokenExpiry, type TokenGrant } from "@/lib/services/auth/token-grant";

type ApiSessionOptions = {
  user: User;
  scopes: ApiScope[];
  clientId: string;
  /** The grant that proved who the user is, recorded in the audit event. */
  grantType: "password" | "mfa-otp" | "passkey";
  verifiedWith: Proof;
  /** For the second-factor grant: which kind of code was given. */
  secondFactor?: "totp" | "recovery_code";
};

/**
 * Opens the API session every grant that signs someone in ends with: the session row
 * the access tokens name, its first access and refresh token, and the audit event, in
 * the caller's transaction.
 */
export async function openApiSession(
  tx: Tx,
  { user, scopes, clientId, grantType, verifiedWith, secondFactor }: ApiSessionOptions,
): Promise<TokenGrant> {
  const now = new Date();
  // API sessions are found by id, never by a secret; the column still wants a unique value.
  const sessionTokenHash = hashToken(generateToken());
  const expires = refreshTokenExpiry(now, now);
  const session = await openSession(tx, { user, kind: "api", sessionTokenHash, expires, now, verifiedWith });
  const grant = await issueTokenGrant(tx, {
    userId: user.id,
    sessionId: session.id,
    sessionStartedAt: now,
    grantedScopes: scopes,
    scopes,
    clientId,
    now,
  });
  await recordAuditEvent(tx, {
    action: "auth.token_issued",
    actor: { id: user.id, email: user.email },
    target: { type: "session", id: session.id },
    after: { grantType, scope: scopes.join(" "), clientId, ...(secondFactor ? { secondFactor } : {}) },
  });
  return grant;
}
