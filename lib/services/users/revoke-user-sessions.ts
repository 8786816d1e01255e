import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { revokeUserTokens } from "@/lib/services/api-tokens/revoke-user-tokens";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { mailSignInMethods } from "@/lib/services/mfa/mail-sign-in-methods";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

const day = 86_400_000;

type Revoked = { revoked: number; revokedTokens: number; removedFactors: number };

/**
 * Signs a user out of every browser and API session at once and revokes their personal
 * access tokens: "sign out everywhere" must leave nothing that still works. A factor
 * planted through a session left open would survive that, so the administrator may also
 * remove the factors added in the last days; either way the user is mailed the factors
 * the account has.
 */
export async function revokeUserSessions({
  actor,
  userId,
  removeFactorsAddedWithinDays,
}: {
  actor: Actor;
  userId: string;
  removeFactorsAddedWithinDays?: number;
}): Promise<Revoked> {
  authorize(actor, "users:write");
  if (!idField.safeParse(userId).success) throw notFound("User");
  const revoked = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw notFound("User");
    authorize(actor, "users:write", { user });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await endProviderSessions(tx, { userId, reason: "sign-out-everywhere" });
    const revokedTokens = await revokeUserTokens(tx, userId);
    const removed = removeFactorsAddedWithinDays
      ? await tx.mfaFactor.findMany({
          where: { userId, createdAt: { gte: new Date(Date.now() - removeFactorsAddedWithinDays * day) } },
          select: { id: true, kind: true, name: true, createdAt: true },
        })
      : [];
    if (removed.length > 0) {
      await tx.mfaFactor.deleteMany({ where: { id: { in: removed.map((factor) => factor.id) } } });
      if ((await tx.mfaFactor.count({ where: { userId, confirmedAt: { not: null } } })) === 0) {
        await tx.recoveryCode.deleteMany({ where: { userId } });
      }
    }
    await recordAuditEvent(tx, {
      action: "user.sessions_revoked",
      actor,
      target: { type: "user", id: userId },
      after: { revoked: count, revokedTokens, removedFactors: removed.map(({ id, kind, name }) => ({ id, kind, name })) },
    });
    return { revoked: count, revokedTokens, removedFactors: removed.length };
  });
  await mailSignInMethods({ userId, notice: { change: "signed-out-everywhere", removedFactors: revoked.removedFactors } });
  return revoked;
}
