import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { config } from "@/lib/config";
import { checkpointMessage } from "@/lib/services/audit/audit-chain";

/**
 * Pruning checkpoints are signed with Ed25519 under a key only the pruning job holds
 * (AUDIT_PRUNE_KEY), and checked with its public half (AUDIT_PRUNE_PUBLIC_KEY). The
 * server, its database role and whoever takes over either can check a checkpoint but
 * not make one, so removing the oldest events without the key is always detected. A
 * key the server holds (an HMAC under ENCRYPTION_KEY, as before) proved nothing
 * against someone who controls the server.
 */

/** PKCS #8 framing of a raw 32-byte Ed25519 seed (RFC 8410), so a private key fits one environment variable. */
const pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");

const privateKeyFrom = (seed: string): KeyObject =>
  createPrivateKey({ key: Buffer.concat([pkcs8Prefix, Buffer.from(seed, "base64url")]), format: "der", type: "pkcs8" });
const publicKeyFrom = (x: string): KeyObject => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });

/** A new key pair for the settings, both base64url: the private seed and the public key. */
export function newPruneKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey: privateKey.export({ format: "jwk" }).d!, publicKey: publicKey.export({ format: "jwk" }).x! };
}

/** The public half of a private key from AUDIT_PRUNE_KEY, as AUDIT_PRUNE_PUBLIC_KEY lists it. */
export const publicHalf = (privateKey: string): string => createPublicKey(privateKeyFrom(privateKey)).export({ format: "jwk" }).x!;

/** Signs the place and hash of the last event a prune removes. */
export function signCheckpoint(seq: bigint, hash: string, privateKey: string): string {
  return sign(null, Buffer.from(checkpointMessage(seq, hash)), privateKeyFrom(privateKey)).toString("base64url");
}

/** Whether `signature` was made for this place and hash by a key whose public half AUDIT_PRUNE_PUBLIC_KEY lists. */
export function checkpointSignatureMatches(seq: bigint, hash: string, signature: string): boolean {
  const message = Buffer.from(checkpointMessage(seq, hash));
  const bytes = Buffer.from(signature, "base64url");
  return config().AUDIT_PRUNE_PUBLIC_KEY.some((key) => verify(null, message, publicKeyFrom(key), bytes));
}
