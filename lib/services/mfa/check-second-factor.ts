import "server-only";
import { decryptSecret, encryptSecret, sealedWithOldKey } from "@/lib/auth/encryption";
import { hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { totpCodeStep } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordRightGuess, recordWrongGuess, startGuess, type GuessSubject } from "@/lib/services/auth/guess-limits";

/** What a person types as their second factor: a code from their app, or one of their recovery codes. */
export type CodeProof = { otp: string } | { recoveryCode: string };

/**
 * The one check of a typed second factor, for sign-in, the OAuth grant and step-up. It
 * draws on the same limits as passwords (per address, per account and address, per
 * account), so a code cannot be guessed faster than a password. A TOTP code is accepted
 * one step early or late and only once: the step it belongs to must be later than the
 * last one accepted, which the update below checks atomically. A recovery code is spent
 * by the same kind of update. Returns what was used, or null (audited as
 * `mfa.code_failed`); throws 429 when throttled.
 */
export async function checkSecondFactor(
  user: User,
  proof: CodeProof,
  purpose: GuessSubject["purpose"],
): Promise<"totp" | "recovery_code" | null> {
  const guess = await startGuess({ email: user.email, user, purpose });

  const used = "otp" in proof ? await spendTotpCode(user, proof.otp) : await spendRecoveryCode(user, proof.recoveryCode);
  if (used) {
    await recordRightGuess(guess);
    return used;
  }
  await recordWrongGuess(guess, { reason: "otp" in proof ? "wrong_totp_code" : "wrong_recovery_code" }, "mfa.code_failed");
  return null;
}

async function spendTotpCode(user: User, code: string): Promise<"totp" | null> {
  const factor = await db().mfaFactor.findFirst({ where: { userId: user.id, kind: "totp", confirmedAt: { not: null } } });
  if (!factor?.totpSecret) return null;
  const secret = decryptSecret(factor.totpSecret);
  const step = totpCodeStep(secret, code.trim());
  if (step === null) return null;
  const accepted = await db().mfaFactor.updateMany({
    where: { id: factor.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: {
      totpLastStep: step,
      lastUsedAt: new Date(),
      // Moves the secret to the current key as it is used, so a rotation completes by itself.
      ...(sealedWithOldKey(factor.totpSecret) ? { totpSecret: encryptSecret(secret) } : {}),
    },
  });
  return accepted.count === 1 ? "totp" : null;
}

async function spendRecoveryCode(user: User, code: string): Promise<"recovery_code" | null> {
  return db().$transaction(async (tx) => {
    const spent = await tx.recoveryCode.updateMany({
      where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) return null;
    const remaining = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await recordAuditEvent(tx, {
      action: "mfa.recovery_code_used",
      actor: { id: user.id, email: user.email },
      target: { type: "user", id: user.id },
      after: { remaining },
    });
    return "recovery_code";
  });
}
