import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { checkPassword } from "@/lib/services/auth/check-password";
import { requireStepUp } from "@/lib/services/auth/require-step-up";
import type { CodeProof } from "@/lib/services/mfa/check-second-factor";
import { authorizeOwnFactors } from "@/lib/services/mfa/rules";

/** What proves the caller may take away their last factor: the password, or a code from that factor. */
export type RemovalProof = { password: string } | CodeProof;

const invalidProof = (field: string, message: string) =>
  new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: [{ field, message }] });

/**
 * Removes one of the caller's factors (an authenticator app or a passkey): a sensitive
 * action, so it needs a valid code or a recent second-factor check; the last one may also
 * be removed with the current password (checked on the sign-in limits). The recovery
 * codes go with the last factor.
 */
export async function removeFactor({ actor, factorId, proof }: { actor: Actor; factorId: string; proof?: RemovalProof }): Promise<void> {
  authorizeOwnFactors(actor);
  if (!idField.safeParse(factorId).success) throw notFound("Factor");
  const factor = await db().mfaFactor.findFirst({ where: { id: factorId, userId: actor.userId } });
  if (!factor) throw notFound("Factor");
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  const others = await db().mfaFactor.count({ where: { userId: user.id, confirmedAt: { not: null }, id: { not: factor.id } } });

  // The rule for the last factor: the password will do. Otherwise a code (or a
  // second-factor check within STEP_UP_MINUTES), as for every sensitive action.
  const last = others === 0 && factor.confirmedAt !== null;
  if (last && proof && "password" in proof) {
    const confirmed = await checkPassword({ email: user.email, user, password: proof.password, purpose: "confirmation" });
    if (!confirmed) throw invalidProof("password", "The password is incorrect.");
  } else if (factor.confirmedAt) {
    await requireStepUp(actor, proof && !("password" in proof) ? proof : {});
  }

  await db().$transaction(async (tx) => {
    await tx.mfaFactor.delete({ where: { id: factor.id } });
    const remaining = await tx.mfaFactor.count({ where: { userId: user.id, confirmedAt: { not: null } } });
    if (remaining === 0) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, {
      action: factor.kind === "totp" ? "mfa.totp_removed" : "mfa.passkey_removed",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "user", id: user.id },
      before: { factorId: factor.id, kind: factor.kind, name: factor.name },
      after: { remainingFactors: remaining },
    });
  });
}
