import "server-only";
import { decryptSecret, encryptSecret, sealedWithOldKey } from "@/lib/auth/encryption";
import { db } from "@/lib/db";
import type { ResealResult } from "@/lib/services/mfa/reseal-totp-secrets";

/**
 * Seals the identity provider's private signing keys with the current ENCRYPTION_KEY, as
 * resealTotpSecrets does for TOTP: conditional on the value read, so a rotation meanwhile
 * wins. The keys themselves stay: tokens they signed keep verifying.
 */
export async function resealSigningKeys(): Promise<ResealResult> {
  const keys = await db().oidcSigningKey.findMany({ select: { id: true, privateJwk: true } });
  let resealed = 0;
  for (const { id, privateJwk } of keys) {
    if (!sealedWithOldKey(privateJwk)) continue;
    const updated = await db().oidcSigningKey.updateMany({
      where: { id, privateJwk },
      data: { privateJwk: encryptSecret(decryptSecret(privateJwk)) },
    });
    resealed += updated.count;
  }
  return { resealed, alreadyCurrent: keys.length - resealed };
}
