import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toApiTokenPublic } from "@/lib/services/api-tokens/to-api-token-public";

/** Revokes one of the caller's tokens; anyone else's id is simply not found. */
export async function revokeApiToken({ actor, tokenId }: { actor: Actor; tokenId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.userId, revokedAt: null } });
    if (!token) throw notFound("Token");
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "api_token.revoked",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "api_token", id: token.id },
      before: toApiTokenPublic(token),
      after: { ...toApiTokenPublic(revoked), revokedAt: revoked.revokedAt?.toISOString() },
    });
  });
}
