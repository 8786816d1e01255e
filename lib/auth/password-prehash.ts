import { createHash } from "node:crypto";

/**
 * bcrypt reads only the first 72 bytes of its input, so a long passphrase would be
 * silently truncated. Every password is first reduced to a fixed 44-character
 * digest (SHA-256, base64), which bcrypt then hashes in full. NFC normalisation
 * makes the same typed characters match whichever keyboard produced them.
 */
export function prehashPassword(password: string): string {
  return createHash("sha256").update(password.normalize("NFC"), "utf8").digest("base64");
}
