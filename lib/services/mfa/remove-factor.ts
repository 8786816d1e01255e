import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { mailSignInMethods } from "@/lib/services/mfa/mail-sign-in-methods";

/**
 * Removes one of the caller's factors (an authenticator app or a passkey). Removing a way
 * to sign in is a confirmed action (`me.factors.remove`): a code or a second-factor check
 * within STEP_UP_MINUTES, so a session left open cannot weaken the account. The recovery
 * codes go with the last factor. The owner is told by mail.
 */
export async function removeFactor({ actor, factorId }: { actor: Actor; factorId: string }): Promise<void> {
  if (!idField.safeParse(factorId).success) throw notFound("Factor");
  const factor = await db().mfaFactor.findFirst({ where: { id: factorId, userId: actor.userId } });
  if (!factor) throw notFound("Factor");

  await db().$transaction(async (tx) => {
    await tx.mfaFactor.delete({ where: { id: factor.id } });
    const remaining = await tx.mfaFactor.count({ where: { userId: actor.userId, confirmedAt: { not: null } } });
    if (remaining === 0) await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await recordAuditEvent(tx, {
      action: factor.kind === "totp" ? "mfa.totp_removed" : "mfa.passkey_removed",
      actor,
      target: { type: "user", id: actor.userId },
      before: { factorId: factor.id, kind: factor.kind, name: factor.name },
      after: { remainingFactors: remaining },
    });
  });
  // An app whose first code never came was never a way to sign in: nothing to tell.
  if (factor.confirmedAt) await mailSignInMethods({ userId: actor.userId, notice: { change: "removed", method: factor } });
}
