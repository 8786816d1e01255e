import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { FactorReset } from "@/lib/schemas/mfa";
import { idField } from "@/lib/schemas/fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

/**
 * An administrator's way back in for someone who lost their phone and recovery codes:
 * every second factor and recovery code of the user goes, with any sign-in or passkey
 * registration half done, and every browser and API session ends (refresh tokens go
 * with their session), so nothing opened under the old factors outlives them. The user
 * then signs in with the password alone and can enrol again. Admins cannot reset a
 * superadmin's factors (`superadmins:manage`); superadmins can.
 */
export async function resetUserFactors({ actor, userId }: { actor: Actor; userId: string }): Promise<FactorReset> {
  authorize(actor, "users:write");
  if (!idField.safeParse(userId).success) throw notFound("User");
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw notFound("User");
    authorize(actor, "users:write", { user });
    const factors = await tx.mfaFactor.findMany({ where: { userId }, select: { id: true, kind: true, name: true } });
    await tx.mfaFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.pendingSignIn.deleteMany({ where: { userId } });
    await tx.passkeyRegistration.deleteMany({ where: { userId } });
    const { count: endedSessions } = await tx.session.deleteMany({ where: { userId } });
    await endProviderSessions(tx, { userId, reason: "factors-reset" });
    await recordAuditEvent(tx, {
      action: "mfa.reset",
      actor,
      target: { type: "user", id: userId },
      before: { factors },
      after: { endedSessions },
    });
    return { removedFactors: factors.length, endedSessions };
  });
}
