import "server-only";
import { db, type Tx } from "@/lib/db";
import { lockoutSeconds } from "@/lib/services/auth/lockout-policy";

/**
 * Consecutive failed sign-ins per email address. A registered account keeps its count in
 * `users.failed_sign_ins` / `locked_until`. An unknown address keeps the same count in a
 * rate-limit bucket, so it is locked on the same schedule and a lockout does not reveal
 * whether an address is registered. The bucket is forgotten a day after its last failure.
 */
const unknownEmailMemorySeconds = 86_400;

type Account = { id: string } | null;

const unknownEmailKey = (email: string) => `sign-in:failures:${email}`;

/** Until when sign-ins for this email address are refused, or null. */
export async function lockedUntil(email: string, user: { lockedUntil: Date | null } | null): Promise<Date | null> {
  const now = Date.now();
  if (user) return user.lockedUntil && user.lockedUntil.getTime() > now ? user.lockedUntil : null;
  const [bucket] = await db().$queryRaw<{ hits: number; reset_at: Date }[]>`
    SELECT hits, reset_at FROM rate_limit_buckets WHERE key = ${unknownEmailKey(email)} AND reset_at > now()`;
  if (!bucket) return null;
  const lastFailure = bucket.reset_at.getTime() - unknownEmailMemorySeconds * 1000;
  const until = lastFailure + lockoutSeconds(Number(bucket.hits)) * 1000;
  return until > now ? new Date(until) : null;
}

/** Counts one more failure; returns the lock it starts, if any. */
export async function countFailedSignIn(tx: Tx, email: string, account: Account): Promise<Date | null> {
  const now = new Date();
  let failures: number;
  if (account) {
    const updated = await tx.user.update({ where: { id: account.id }, data: { failedSignIns: { increment: 1 } } });
    failures = updated.failedSignIns;
  } else {
    const [bucket] = await tx.$queryRaw<{ hits: number }[]>`
      INSERT INTO rate_limit_buckets (key, hits, reset_at)
      VALUES (${unknownEmailKey(email)}, 1, now() + make_interval(secs => ${unknownEmailMemorySeconds}))
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limit_buckets.reset_at <= now() THEN 1 ELSE rate_limit_buckets.hits + 1 END,
        reset_at = EXCLUDED.reset_at
      RETURNING hits`;
    failures = Number(bucket!.hits);
  }
  const seconds = lockoutSeconds(failures);
  if (seconds === 0) return null;
  const until = new Date(now.getTime() + seconds * 1000);
  if (account) await tx.user.update({ where: { id: account.id }, data: { lockedUntil: until } });
  return until;
}

/** A successful sign-in starts the count again. */
export async function clearFailedSignIns(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { failedSignIns: 0, lockedUntil: null } });
}
