import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { revokeUserTokens } from "@/lib/services/api-tokens/revoke-user-tokens";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Signs a user out of every browser and API session at once and revokes their personal
 * access tokens: "sign out everywhere" must leave nothing that still works.
 */
export async function revokeUserSessions({
  actor,
  userId,
}: {
  actor: Actor;
  userId: string;
}): Promise<{ revoked: number; revokedTokens: number }> {
  authorize(actor, "users:write");
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw notFound("User");
    authorize(actor, "users:write", { user });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    const revokedTokens = await revokeUserTokens(tx, userId);
    await recordAuditEvent(tx, {
      action: "user.sessions_revoked",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "user", id: userId },
      after: { revoked: count, revokedTokens },
    });
    return { revoked: count, revokedTokens };
  });
}
