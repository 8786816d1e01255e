import "server-only";
import type { GlobalRole } from "@/lib/auth/roles";
import type { ApiScope } from "@/lib/auth/scopes";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db";
import type { Proof } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { openSession } from "@/lib/services/auth/open-session";
import { issueTokenGrant, refreshTokenExpiry, type TokenGrant } from "@/lib/services/auth/token-grant";

type ApiSessionOptions = {
  user: { id: string; email: string; role: GlobalRole };
  scopes: ApiScope[];
  clientId: string;
  /** How the client signed in, as the audit event records it. */
  grantType: "password" | "passkey";
  verifiedWith?: Proof;
};

/**
 * Opens an API session for a user who just proved who they are, and issues its first
 * access and refresh tokens: what every sign-in grant of the token endpoints ends with.
 */
export async function openApiSession(tx: Tx, { user, scopes, clientId, grantType, verifiedWith }: ApiSessionOptions): Promise<TokenGrant> {
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
    after: { grantType, scope: scopes.join(" "), clientId },
  });
  return grant;
}
