import "server-only";
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

/**
 * Secrets the server must read back (TOTP seeds) are encrypted at rest with AES-256-GCM.
 * The key is derived (HKDF-SHA256) from ENCRYPTION_KEY, or from AUTH_SECRET when that is
 * unset, so a copy of the database alone reveals no seed. Each value names the key it
 * was sealed with (`v1.<key id>.<iv>.<tag>.<ciphertext>`), so keys can be rotated:
 * set the new ENCRYPTION_KEY, list the old one in ENCRYPTION_KEYS_PREVIOUS, and run
 * `npm run secrets:reencrypt`.
 */
type Key = { id: string; bytes: Buffer };

/** What a derived key is for: one key never serves two purposes. */
type Purpose = "usermanager secrets at rest v1" | SignedPurpose;
const secretsAtRest: Purpose = "usermanager secrets at rest v1";

function deriveKey(material: string, purpose: Purpose = secretsAtRest): Key {
  const bytes = Buffer.from(hkdfSync("sha256", material, "", purpose, 32));
  // A short, public fingerprint of the derived key: enough to pick the right one, useless to an attacker.
  const id = createHash("sha256").update(bytes).digest("base64url").slice(0, 8);
  return { id, bytes };
}

/** The key new values are sealed with. */
export function currentKey(purpose: Purpose = secretsAtRest): Key {
  const { ENCRYPTION_KEY, AUTH_SECRET } = config();
  return deriveKey(ENCRYPTION_KEY ?? AUTH_SECRET, purpose);
}

/** Every key a stored value may have been sealed with: the current one first. */
function readableKeys(purpose: Purpose = secretsAtRest): Key[] {
  const { ENCRYPTION_KEY, ENCRYPTION_KEYS_PREVIOUS, AUTH_SECRET } = config();
  const previous = (ENCRYPTION_KEYS_PREVIOUS ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  // A deployment that sets ENCRYPTION_KEY for the first time still reads what AUTH_SECRET sealed.
  const fallback = ENCRYPTION_KEY ? [AUTH_SECRET] : [];
  return [currentKey(purpose), ...[...previous, ...fallback].map((material) => deriveKey(material, purpose))];
}

export function encryptSecret(plaintext: string): string {
  const key = currentKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export class UnreadableSecret extends Error {
  constructor(reason: string) {
    super(`A stored secret cannot be decrypted: ${reason}. Is ENCRYPTION_KEY (or ENCRYPTION_KEYS_PREVIOUS) set as before?`);
    this.name = "UnreadableSecret";
  }
}

export function decryptSecret(sealed: string): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || ciphertext === undefined) throw new UnreadableSecret("unknown format");
  const key = readableKeys().find((candidate) => candidate.id === keyId);
  if (!key) throw new UnreadableSecret(`no configured key has id ${keyId}`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecret("the value was altered");
  }
}

/** Whether a stored value was sealed with an older key and should be sealed again. */
export function sealedWithOldKey(sealed: string): boolean {
  return sealed.split(".")[1] !== currentKey().id;
}

/** What a signature is for: device cookies (device-cookie.ts). */
export type SignedPurpose = "usermanager device cookies v1";
const hmac = (key: Key, message: string) => createHmac("sha256", key.bytes).update(message).digest("base64url");

/**
 * Signs a message (`v1.<key id>.<HMAC-SHA256>`) with a key of its own purpose, so that a
 * browser holding a cookie, but not ENCRYPTION_KEY, cannot forge one.
 */
export function signMessage(message: string, purpose: SignedPurpose): string {
  const key = currentKey(purpose);
  return ["v1", key.id, hmac(key, message)].join(".");
}

/** Whether `signature` is signMessage's for `message` and this purpose, under the current or a previous key. */
export function signatureMatches(message: string, signature: string, purpose: SignedPurpose): boolean {
  const [version, keyId, mac] = signature.split(".");
  const key = readableKeys(purpose).find((candidate) => candidate.id === keyId);
  if (version !== "v1" || !key || !mac) return false;
  const expected = Buffer.from(hmac(key, message));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
