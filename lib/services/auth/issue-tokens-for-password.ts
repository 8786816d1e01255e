import "server-only";
import type { ApiScope } from "@/lib/auth/scopes";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { openSession } from "@/lib/services/auth/open-session";
import { issueTokenGrant, refreshTokenExpiry, type TokenGrant } from "@/lib/services/auth/token-grant";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";

type PasswordGrantOptions = { email: string; password: string; scopes: ApiScope[]; clientId: string };

/**
 * The OAuth password grant (RFC 6749 §4.3): the same credential check, rate limits and
 * lockout as the browser, then an API session whose id every access token names.
 */
export async function issueTokensForPassword({ email, password, scopes, clientId }: PasswordGrantOptions): Promise<TokenGrant> {
  const user = await verifyCredentials({ email, password });
  const now = new Date();
  return db().$transaction(async (tx) => {
    // API sessions are found by id, never by a secret; the column still wants a unique value.
    const sessionTokenHash = hashToken(generateToken());
    const session = await openSession(tx, { user, kind: "api", sessionTokenHash, expires: refreshTokenExpiry(now, now), now });
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
      after: { grantType: "password", scope: scopes.join(" "), clientId },
    });
    return grant;
  });
}
