import "server-only";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { decryptSecret, encryptSecret } from "@/lib/auth/encryption";
import { db, type Tx } from "@/lib/db";
import type { OidcSigningKey } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/** The algorithms the provider signs with: ES256 first (small and fast), RS256 for clients that know no other. */
export const signingAlgorithms = ["ES256", "RS256"] as const;

/**
 * How long a new key is published before it signs. Every instance reloads its keys at
 * least this often (oidcProvider in lib/oidc/provider.ts), so no client meets a token
 * signed with a key that some instance does not publish yet.
 */
export const keyActivationMs = 2 * 60_000;

/**
 * How long a retired key stays published after it stops signing: longer than any token
 * signed with it lives (ID tokens and API access tokens, an hour each), with room for
 * clock skew.
 */
export const retiredKeyPublishedMs = 2 * 60 * 60_000;

const lockKey = 7_311_001;

async function newKey(tx: Tx, alg: (typeof signingAlgorithms)[number]): Promise<OidcSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "RS256" ? { modulusLength: 2048 } : {}) });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use: "sig" };
  return tx.oidcSigningKey.create({
    data: { id: kid, alg, privateJwk: encryptSecret(JSON.stringify(privateJwk)), publicJwk: { ...publicJwk, kid, alg, use: "sig" } },
  });
}

const isPublished = (key: OidcSigningKey, now: Date) => !key.unpublishAt || key.unpublishAt > now;
const stillSigns = (key: OidcSigningKey, now: Date) => !key.retiredAt || key.retiredAt > now;

/**
 * The keys the provider holds, in the order it uses them: for each algorithm the key that
 * signs now first (the newest one past its activation that is not retired, or the only
 * one), then every other key still published, which only verifies. Answers the private
 * JWKs; the provider publishes their public halves.
 */
export function orderedSigningKeys(keys: OidcSigningKey[], now = new Date()): OidcSigningKey[] {
  const published = keys.filter((key) => isPublished(key, now)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const signing = signingAlgorithms.flatMap((alg) => {
    const candidates = published.filter((key) => key.alg === alg && stillSigns(key, now));
    const active = candidates.find((key) => now.getTime() - key.createdAt.getTime() >= keyActivationMs);
    return active ? [active] : candidates.slice(-1);
  });
  return [...signing, ...published.filter((key) => !signing.includes(key))];
}

/**
 * The provider's keys, made at the first start: a key of each algorithm is generated,
 * stored encrypted under ENCRYPTION_KEY, and used from then on. An advisory lock keeps two
 * instances starting together from making two sets.
 */
export async function loadSigningKeys(): Promise<JWK[]> {
  let keys = await db().oidcSigningKey.findMany();
  if (signingAlgorithms.some((alg) => !keys.some((key) => key.alg === alg && isPublished(key, new Date())))) {
    keys = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockKey})`;
      const current = await tx.oidcSigningKey.findMany();
      for (const alg of signingAlgorithms) {
        if (!current.some((key) => key.alg === alg && isPublished(key, new Date()))) current.push(await newKey(tx, alg));
      }
      return current;
    });
  }
  return orderedSigningKeys(keys).map((key) => JSON.parse(decryptSecret(key.privateJwk)) as JWK);
}

/** Retires every signing key and makes a new one of each algorithm, under the caller's lock. */
async function rotateInTransaction(tx: Tx, reason: "manual" | "schedule") {
  const now = new Date();
  const retiring = await tx.oidcSigningKey.findMany({ where: { OR: [{ retiredAt: null }, { retiredAt: { gt: now } }] } });
  const retiredAt = new Date(now.getTime() + keyActivationMs);
  await tx.oidcSigningKey.updateMany({
    where: { id: { in: retiring.map((key) => key.id) } },
    data: { retiredAt, unpublishAt: new Date(retiredAt.getTime() + retiredKeyPublishedMs) },
  });
  const created = [];
  for (const alg of signingAlgorithms) created.push((await newKey(tx, alg)).id);
  await tx.oidcSigningKey.deleteMany({ where: { unpublishAt: { lt: now } } });
  const retired = retiring.map((key) => key.id);
  await recordAuditEvent(tx, { action: "oidc.keys_rotated", actor: null, after: { created, retired, reason } });
  return { created, retired };
}

/**
 * Rotates the signing keys: a new key of each algorithm is published at once and signs
 * after `keyActivationMs`; the keys it replaces sign until then and stay published for
 * `retiredKeyPublishedMs` more, so a token signed before the rotation still verifies.
 * Keys past that are deleted. Audited.
 */
export async function rotateSigningKeys({ reason }: { reason: "manual" | "schedule" }): Promise<{ created: string[]; retired: string[] }> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockKey})`;
    return rotateInTransaction(tx, reason);
  });
}

/**
 * The scheduled rotation: rotates when the newest key is older than `days`, decided under
 * the keys' lock, so instances checking at the same moment rotate once. Answers whether it did.
 */
export async function rotateSigningKeysIfDue({ days }: { days: number }): Promise<boolean> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockKey})`;
    const newest = await tx.oidcSigningKey.findFirst({ orderBy: { createdAt: "desc" } });
    if (!newest || Date.now() - newest.createdAt.getTime() <= days * 86_400_000) return false;
    await rotateInTransaction(tx, "schedule");
    return true;
  });
}

/** Deletes the keys past their time in the JWKS: every token they signed has expired, and no instance publishes them any more. */
export async function deleteUnpublishedSigningKeys(): Promise<number> {
  const { count } = await db().oidcSigningKey.deleteMany({ where: { unpublishAt: { lt: new Date() } } });
  return count;
}

/** A fingerprint of the key set's order, so an instance knows when its provider must be rebuilt. */
export async function signingKeysFingerprint(): Promise<string> {
  return orderedSigningKeys(await db().oidcSigningKey.findMany())
    .map((key) => key.id)
    .join(",");
}
