import "server-only";
import { decryptSecret, encryptSecret, sealedWithOldKey } from "@/lib/auth/encryption";
import { db } from "@/lib/db";

export type ResealResult = { resealed: number; alreadyCurrent: number };

/**
 * Seals every stored TOTP secret with the current ENCRYPTION_KEY, after a rotation. Each
 * update is conditional on the value it read, so a secret a sign-in resealed meanwhile is
 * left alone. Throws, naming the problem, when a secret cannot be read with any
 * configured key: nothing is lost, the old key is still needed.
 */
export async function resealTotpSecrets(): Promise<ResealResult> {
  const factors = await db().mfaFactor.findMany({ where: { totpSecret: { not: null } }, select: { id: true, totpSecret: true } });
  let resealed = 0;
  for (const { id, totpSecret } of factors) {
    if (!totpSecret || !sealedWithOldKey(totpSecret)) continue;
    const updated = await db().mfaFactor.updateMany({
      where: { id, totpSecret },
      data: { totpSecret: encryptSecret(decryptSecret(totpSecret)) },
    });
    resealed += updated.count;
  }
  return { resealed, alreadyCurrent: factors.length - resealed };
}
