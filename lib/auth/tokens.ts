import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie or link; 32 bytes is beyond guessing. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Secrets are stored only as SHA-256 digests: they are long and random, so a slow
 * hash adds nothing, and a stolen table holds nothing that signs anyone in.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
