import "server-only";
import { db, type Tx } from "@/lib/db";
import { lockoutSeconds } from "@/lib/services/auth/lockout-policy";

/**
 * Consecutive wrong passwords per (email address, client address) pair, kept in a
 * rate-limit bucket that is forgotten a day after the pair's last failure. Keyed by the
 * typed address, registered or not, so the delays an unknown address gets are the same
 * as a real account's and reveal nothing. Only the pair waits: the account's owner at
 * another address is not slowed by someone guessing from here.
 */
const failureMemorySeconds = 86_400;

/** The bucket of the account's ceiling over every client address (see check-password.ts). */
export const accountCeilingKey = (email: string) => `sign-in:account:${email}`;

const pairPrefix = (email: string) => `sign-in:failures:${email}:`;
const pairKey = (email: string, ip: string | null) => `${pairPrefix(email)}${ip ?? "-"}`;

/** Until when this client address must wait before trying this email address again, or null. */
export async function delayedUntil(email: string, ip: string | null): Promise<Date | null> {
  const [bucket] = await db().$queryRaw<{ hits: number; reset_at: Date }[]>`
    SELECT hits, reset_at FROM rate_limit_buckets WHERE key = ${pairKey(email, ip)} AND reset_at > now()`;
  if (!bucket) return null;
  const lastFailure = bucket.reset_at.getTime() - failureMemorySeconds * 1000;
  const until = lastFailure + lockoutSeconds(Number(bucket.hits)) * 1000;
  return until > Date.now() ? new Date(until) : null;
}

/** Counts one more failure from this client address; returns the delay it starts, if any. */
export async function countFailedPassword(tx: Tx, email: string, ip: string | null): Promise<Date | null> {
  const [bucket] = await tx.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limit_buckets (key, hits, reset_at)
    VALUES (${pairKey(email, ip)}, 1, now() + make_interval(secs => ${failureMemorySeconds}))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limit_buckets.reset_at <= now() THEN 1 ELSE rate_limit_buckets.hits + 1 END,
      reset_at = EXCLUDED.reset_at
    RETURNING hits`;
  const seconds = lockoutSeconds(Number(bucket!.hits));
  return seconds === 0 ? null : new Date(Date.now() + seconds * 1000);
}

/** The right password from this client address starts its count again. */
export async function clearFailedPasswords(tx: Tx, email: string, ip: string | null): Promise<void> {
  await tx.rateLimitBucket.deleteMany({ where: { key: pairKey(email, ip) } });
}

/**
 * Forgets every delay and the account's ceiling for this email address: for an
 * administrator's unlock, and for a completed reset (the old password is gone).
 */
export async function clearSignInThrottles(tx: Tx, email: string): Promise<void> {
  await tx.rateLimitBucket.deleteMany({
    where: { OR: [{ key: accountCeilingKey(email) }, { key: { startsWith: pairPrefix(email) } }] },
  });
}
