import "server-only";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { hashToken, isPersonalAccessToken, refreshTokenScopes } from "@/lib/auth/tokens";
import { db, type Tx } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

async function endApiSession(tx: Tx, sessionId: string, via: string): Promise<void> {
  const session = await tx.session.findFirst({ where: { id: sessionId, kind: "api" }, include: { user: true } });
  if (!session) return;
  await tx.session.delete({ where: { id: session.id } });
  await recordAuditEvent(tx, {
    action: "auth.token_revoked",
    actor: { id: session.user.id, email: session.user.email },
    target: { type: "session", id: session.id },
    after: { via },
  });
}

async function revokePersonalAccessToken(tx: Tx, token: string): Promise<void> {
  const stored = await tx.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!stored || stored.revokedAt) return;
  await tx.apiToken.update({ where: { id: stored.id }, data: { revokedAt: new Date() } });
  await recordAuditEvent(tx, {
    action: "api_token.revoked",
    actor: { id: stored.user.id, email: stored.user.email },
    target: { type: "api_token", id: stored.id },
  });
}

/**
 * Token revocation (RFC 7009). Holding a token is the proof of the right to revoke it.
 * Revoking an access or refresh token ends its whole API session, so neither works any
 * longer; unknown tokens are silently accepted, as §2.2 requires.
 */
export async function revokeToken({ token }: { token: string }): Promise<void> {
  if (isPersonalAccessToken(token)) {
    await db().$transaction((tx) => revokePersonalAccessToken(tx, token));
    return;
  }
  if (refreshTokenScopes(token)) {
    const stored = await db().refreshToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (stored) await db().$transaction((tx) => endApiSession(tx, stored.sessionId, "refresh_token"));
    return;
  }
  const claims = await verifyAccessToken(token);
  if (claims) await db().$transaction((tx) => endApiSession(tx, claims.sessionId, "access_token"));
}
