import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { authorizeTokenOwner } from "@/lib/services/api-tokens/rules";
import { toApiTokenPublic } from "@/lib/services/api-tokens/to-api-token-public";

/**
 * Revokes one of a user's tokens: the caller's own by default, anyone's for a user
 * manager. A token of another user than the one named is simply not found.
 */
export async function revokeApiToken({
  actor,
  tokenId,
  userId = actor.userId,
}: {
  actor: Actor;
  tokenId: string;
  userId?: string;
}): Promise<void> {
  await authorizeTokenOwner(actor, userId, "users:write");
  if (!idField.safeParse(tokenId).success) throw notFound("Token");
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId, revokedAt: null } });
    if (!token) throw notFound("Token");
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "api_token.revoked",
      actor,
      target: { type: "api_token", id: token.id },
      before: toApiTokenPublic(token),
      after: { ...toApiTokenPublic(revoked), revokedAt: revoked.revokedAt?.toISOString() },
    });
  });
}
