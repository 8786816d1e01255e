import "server-only";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/auth/encryption";

/** How long a replaced secret keeps signing after a rotation, so receivers can switch without missing a delivery. */
export const rotationOverlapMs = 24 * 60 * 60 * 1000;

/** A new signing secret in the Standard Webhooks form: `whsec_` and base64 of 32 random bytes. */
export function generateSigningSecret(): { secret: string; sealed: string } {
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return { secret, sealed: encryptSecret(secret) };
}

type SealedSecrets = { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };

/** The secrets a delivery is signed with now: the current one, and the previous one during its overlap window. */
export function signingSecrets(endpoint: SealedSecrets, now = new Date()): string[] {
  const current = decryptSecret(endpoint.secret);
  const overlapping = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return overlapping ? [current, decryptSecret(endpoint.previousSecret!)] : [current];
}
