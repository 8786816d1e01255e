import "server-only";
import { parseScopes } from "@/lib/auth/access-token";
import type { ApiScope } from "@/lib/auth/scopes";
import { hashToken, refreshTokenScopes } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { apiSessionEnd, issueTokenGrant, type TokenGrant } from "@/lib/services/auth/token-grant";

type RefreshOptions = {
  refreshToken: string;
  /** Narrower scopes for the new access token; null keeps all that were granted. */
  scopes: ApiScope[] | null;
  clientId: string;
};

const invalidGrant = () => new AppError("unauthorized", "The refresh token is invalid, expired or revoked.");

/**
 * The refresh grant (RFC 6749 §6) with rotation: each refresh token works once and is
 * replaced. A token presented a second time means two parties hold it, so the whole
 * session ends, cutting off both the thief and the client (OAuth 2.0 Security BCP §4.14).
 */
export async function refreshTokens({ refreshToken, scopes, clientId }: RefreshOptions): Promise<TokenGrant> {
  const grantedScopes = parseScopes((refreshTokenScopes(refreshToken) ?? []).join(" "));
  if (!grantedScopes?.length) throw invalidGrant();
  if (scopes && !scopes.every((scope) => grantedScopes.includes(scope))) {
    throw new AppError("validation_failed", "The scope asked for exceeds what was granted.", {
      fieldErrors: [{ field: "scope", message: `Ask for no more than "${grantedScopes.join(" ")}".` }],
    });
  }

  const now = new Date();
  const outcome = await db().$transaction(async (tx) => {
    const stored = await tx.refreshToken.findUnique({
      where: { tokenHash: hashToken(refreshToken) },
      include: { session: { include: { user: true } } },
    });
    if (!stored) return null;
    const { session } = stored;
    const actor = { id: session.user.id, email: session.user.email };
    // Claiming the token and checking it was unused is one statement, so two concurrent refreshes cannot both win.
    const claimed = await tx.refreshToken.updateMany({ where: { id: stored.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) {
      await tx.session.delete({ where: { id: session.id } });
      await recordAuditEvent(tx, { action: "auth.refresh_token_reused", actor, target: { type: "session", id: session.id } });
      return null;
    }
    const user = session.user;
    const ended = stored.expiresAt <= now || session.expires <= now || apiSessionEnd(session.createdAt) <= now;
    if (ended || user.status !== "active" || user.deletedAt) return null;
    const grant = await issueTokenGrant(tx, {
      userId: user.id,
      sessionId: session.id,
      sessionStartedAt: session.createdAt,
      grantedScopes,
      scopes: scopes ?? grantedScopes,
      clientId,
      now,
    });
    await recordAuditEvent(tx, {
      action: "auth.token_refreshed",
      actor,
      target: { type: "session", id: session.id },
      after: { scope: grant.scopes.join(" "), clientId },
    });
    return grant;
  });
  if (!outcome) throw invalidGrant();
  return outcome;
}
