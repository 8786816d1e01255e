import "server-only";
import { decryptSecret, encryptSecret, sealedWithOldKey } from "@/lib/auth/encryption";
import { db } from "@/lib/db";
import type { ResealResult } from "@/lib/services/mfa/reseal-totp-secrets";

const reseal = (sealed: string | null) => (sealed && sealedWithOldKey(sealed) ? encryptSecret(decryptSecret(sealed)) : sealed);

/**
 * Seals every webhook signing secret (and a rotation's previous one) with the current
 * ENCRYPTION_KEY, as resealTotpSecrets does for TOTP: conditional on the values read, so
 * a rotation meanwhile wins.
 */
export async function resealWebhookSecrets(): Promise<ResealResult> {
  const endpoints = await db().webhookEndpoint.findMany({ select: { id: true, secret: true, previousSecret: true } });
  let resealed = 0;
  for (const { id, secret, previousSecret } of endpoints) {
    if (!sealedWithOldKey(secret) && !(previousSecret && sealedWithOldKey(previousSecret))) continue;
    const updated = await db().webhookEndpoint.updateMany({
      where: { id, secret, previousSecret },
      data: { secret: reseal(secret)!, previousSecret: reseal(previousSecret) },
    });
    resealed += updated.count;
  }
  return { resealed, alreadyCurrent: endpoints.length - resealed };
}
