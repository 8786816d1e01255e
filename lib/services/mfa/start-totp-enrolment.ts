import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/auth/encryption";
import { newTotpSecret, totpUri } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type TotpEnrolment = { factorId: string; secret: string; uri: string };

/**
 * Starts adding an authenticator app: a new secret, stored encrypted but not yet counted
 * as a factor; it counts once a code from the app confirms it (confirm-totp-enrolment.ts).
 * Starting again replaces an unconfirmed secret. One app per account: a second would only
 * be another copy of the same kind of proof, and recovery codes cover a lost phone.
 */
export async function startTotpEnrolment({ actor }: { actor: Actor }): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  const factor = await db().$transaction(async (tx) => {
    const existing = await tx.mfaFactor.count({ where: { userId: actor.userId, kind: "totp", confirmedAt: { not: null } } });
    if (existing > 0) throw new AppError("conflict", "An authenticator app is already set up; remove it before adding another.");
    await tx.mfaFactor.deleteMany({ where: { userId: actor.userId, kind: "totp", confirmedAt: null } });
    return tx.mfaFactor.create({
      data: { userId: actor.userId, kind: "totp", name: "Authenticator app", totpSecret: encryptSecret(secret) },
    });
  });
  return { factorId: factor.id, secret, uri: totpUri(secret, actor.email) };
}
