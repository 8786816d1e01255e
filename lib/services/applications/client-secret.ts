import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** How long the secret before a rotation keeps working, so a deployment can switch without downtime. */
export const secretRotationOverlapMs = 24 * 60 * 60 * 1000;

/**
 * A new client secret and the digest stored in its place. The secret is 256 random bits,
 * so a fast digest is enough (nobody can guess it to test against the digest); the
 * provider compares presented secrets with the digest (lib/oidc/provider.ts).
 */
export function generateClientSecret(): { secret: string; digest: string } {
  const secret = `umcs_${randomBytes(32).toString("base64url")}`;
  return { secret, digest: createHash("sha256").update(secret).digest("hex") };
}

/** A new public client_id: not a secret, but not guessable either, so ids cannot be enumerated. */
export function generateClientId(): string {
  return `umc_${randomBytes(16).toString("base64url")}`;
}
