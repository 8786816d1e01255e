import "server-only";
import bcrypt from "bcryptjs";
import { prehashPassword as prehash } from "@/lib/auth/password-prehash";
import { passwordProblem } from "@/lib/auth/password-policy";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

/** Hashes under today's scheme, with no policy: for passwords already in use (rehashing). */
export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(prehash(password), config().BCRYPT_COST);
}

type NewPassword = {
  password: string;
  /** The address of the account it is for: a password must not contain it. */
  email: string;
  /** The form or API field that holds the password, named in the error. */
  field: string;
};

/**
 * The one way to set a password: checks it against the password policy
 * (lib/auth/password-policy.ts) and hashes it. Throws a 422 naming `field`.
 */
export async function hashNewPassword({ password, email, field }: NewPassword): Promise<string> {
  const problem = passwordProblem({ password, email });
  if (problem) throw new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: [{ field, message: problem }] });
  return hashPassword(password);
}

/**
 * Hashes imported from other systems are plain bcrypt over the password itself, not over
 * our SHA-256 prehash. They are stored with this marker so verifyPassword knows which.
 */
const importedPrefix = "bcrypt:";

export function importedBcryptHash(bcryptHash: string): string {
  return `${importedPrefix}${bcryptHash}`;
}

/**
 * Whether a hash that just verified should be replaced by one of today's scheme: an
 * imported plain bcrypt hash (cut at 72 bytes, often a low cost), or our own scheme at
 * a cost other than BCRYPT_COST.
 */
export function needsRehash(hash: string): boolean {
  if (hash.startsWith(importedPrefix)) return true;
  return bcrypt.getRounds(hash) !== config().BCRYPT_COST;
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
