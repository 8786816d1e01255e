import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { decryptSecret } from "@/lib/auth/encryption";
import { totpCodeStep } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordRightGuess, recordWrongGuess, startGuess } from "@/lib/services/auth/guess-limits";
import { mailSignInMethods } from "@/lib/services/mfa/mail-sign-in-methods";
import { replaceRecoveryCodes } from "@/lib/services/mfa/replace-recovery-codes";

/** An enrolment not confirmed within this time must start again with a new secret. */
const enrolmentMinutes = 15;

const wrongCode = () =>
  new AppError("validation_failed", "The request has invalid fields.", {
    fieldErrors: [{ field: "code", message: "The code is not valid. Enter the current 6-digit code from your app." }],
  });

/**
 * Confirms an authenticator app with one valid code, which proves the app holds the
 * secret; only then does it count. Returns ten new recovery codes, shown once. Wrong codes
 * draw on the password limits, like every other code check.
 */
export async function confirmTotpEnrolment({ actor, code }: { actor: Actor; code: string }): Promise<{ recoveryCodes: string[] }> {
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  const pending = await db().mfaFactor.findFirst({
    where: { userId: actor.userId, kind: "totp", confirmedAt: null, createdAt: { gt: new Date(Date.now() - enrolmentMinutes * 60_000) } },
    orderBy: { createdAt: "desc" },
  });
  if (!user || !pending?.totpSecret) {
    throw new AppError("conflict", "There is no authenticator app waiting to be confirmed; start again.");
  }
  const guess = await startGuess({ email: user.email, user, purpose: "confirmation" });
  const step = totpCodeStep(decryptSecret(pending.totpSecret), code.trim());
  if (step === null) {
    await recordWrongGuess(guess, { reason: "wrong_enrolment_code" }, "mfa.code_failed");
    throw wrongCode();
  }
  await recordRightGuess(guess);

  const enrolled = await db().$transaction(async (tx) => {
    const confirmed = await tx.mfaFactor.updateMany({
      where: { id: pending.id, confirmedAt: null },
      data: { confirmedAt: new Date(), totpLastStep: step, lastUsedAt: new Date() },
    });
    if (confirmed.count !== 1) throw new AppError("conflict", "This authenticator app was already confirmed.");
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAuditEvent(tx, {
      action: "mfa.totp_enrolled",
      actor,
      target: { type: "user", id: user.id },
      after: { factorId: pending.id },
    });
    return { recoveryCodes };
  });
  await mailSignInMethods({ userId: user.id, notice: { change: "added", method: { kind: "totp", name: pending.name } } });
  return enrolled;
}
