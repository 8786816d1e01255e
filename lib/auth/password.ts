import "server-only";
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { config } from "@/lib/config";

/**
 * bcrypt reads only the first 72 bytes of its input, so a long passphrase would be
 * silently truncated. Every password is first reduced to a fixed 44-character
 * digest (SHA-256, base64), which bcrypt then hashes in full. NFC normalisation
 * makes the same typed characters match whichever keyboard produced them.
 */
function prehash(password: string): string {
  return createHash("sha256").update(password.normalize("NFC"), "utf8").digest("base64");
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(prehash(password), config().BCRYPT_COST);
}

/**
 * Hashes imported from other systems are plain bcrypt over the password itself, not over
 * our SHA-256 prehash. They are stored with this marker so verifyPassword knows which.
 */
const importedPrefix = "bcrypt:";

export function importedBcryptHash(bcryptHash: string): string {
  return `${importedPrefix}${bcryptHash}`;
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown email, or an account
 * without a password) it still spends one bcrypt comparison against a dummy hash of
 * the same cost, so response times do not reveal which emails are registered.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash("dummy password for constant-time checks", config().BCRYPT_COST);
    await bcrypt.compare(prehash(password), await dummyHash);
    return false;
  }
  if (hash.startsWith(importedPrefix)) return bcrypt.compare(password, hash.slice(importedPrefix.length));
  return bcrypt.compare(prehash(password), hash);
}
