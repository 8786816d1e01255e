import "server-only";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { lockoutSeconds } from "@/lib/services/auth/lockout-policy";
import { refundRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

/**
 * Consecutive wrong guesses per (email address, guesser) pair, kept in a rate-limit
 * bucket that is forgotten a day after the pair's last attempt. The guesser is a client
 * address (its limit key: an IPv6 client's /64), or a browser with a device cookie for
 * the account. Keyed by the typed address, registered or not, so the delays an unknown
 * address gets are the same as a real account's and reveal nothing. Only the pair waits:
 * the account's owner at another address, or in a browser of their own, is not slowed
 * by someone guessing from here.
 */
const failureMemorySeconds = 86_400;

/** Who is guessing: a client address's limit key (null outside a request), or a device cookie's device id. */
export type Guesser = { address: string | null } | { device: string };

/** The bucket of the account's ceiling over every client address (see guess-limits.ts). */
export const accountCeilingKey = (email: string) => `sign-in:account:${email}`;

const pairPrefix = (email: string) => `sign-in:failures:${email}:`;
// An address key is an IP address or a /64; neither can start with "device:".
const pairKey = (email: string, guesser: Guesser) =>
  `${pairPrefix(email)}${"device" in guesser ? `device:${guesser.device}` : (guesser.address ?? "-")}`;

/**
 * lockoutSeconds for every count up to the one where it stops changing (its doublings
 * end after 20), for the claim's SQL to look up: the policy stays in one place.
 */
function delaySchedule(): number[] {
  const counts = config().LOCKOUT_THRESHOLD + 20 + 1;
  return Array.from({ length: counts }, (_, failures) => lockoutSeconds(failures));
}

/**
 * Takes this attempt's place in the pair's count before the guess is checked, unless the
 * pair must still wait after its earlier failures: then null. One statement, so each of
 * many concurrent guesses sees the ones before it; reading the count and writing it
 * after the check let a burst of guesses all be judged against the same stale count.
 * Returns the attempt's number among the pair's consecutive attempts.
 */
export async function claimAttempt(email: string, guesser: Guesser): Promise<number | null> {
  const schedule = delaySchedule();
  const [bucket] = await db().$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limit_buckets AS bucket (key, hits, reset_at)
    VALUES (${pairKey(email, guesser)}, 1, now() + make_interval(secs => ${failureMemorySeconds}))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN bucket.reset_at <= now() THEN 1 ELSE bucket.hits + 1 END,
      reset_at = EXCLUDED.reset_at
    WHERE bucket.reset_at <= now()
       OR bucket.reset_at - make_interval(secs => ${failureMemorySeconds})
          + make_interval(secs => (${schedule}::int[])[least(bucket.hits, ${schedule.length - 1}) + 1]) <= now()
    RETURNING hits`;
  return bucket ? Number(bucket.hits) : null;
}

/** Until when the pair must wait after its earlier failures, or null. */
export async function delayedUntil(email: string, guesser: Guesser): Promise<Date | null> {
  const [bucket] = await db().$queryRaw<{ hits: number; reset_at: Date }[]>`
    SELECT hits, reset_at FROM rate_limit_buckets WHERE key = ${pairKey(email, guesser)} AND reset_at > now()`;
  if (!bucket) return null;
  const lastAttempt = bucket.reset_at.getTime() - failureMemorySeconds * 1000;
  const until = lastAttempt + lockoutSeconds(Number(bucket.hits)) * 1000;
  return until > Date.now() ? new Date(until) : null;
}

/**
 * The delay a wrong guess starts when it was the pair's `attempt`-th in a row, or null.
 * Counted from now, a moment after the claim the stored delay runs from, so the wait a
 * guesser is told is never shorter than the one they get.
 */
export function delayAfterFailure(attempt: number): Date | null {
  const seconds = lockoutSeconds(attempt);
  return seconds === 0 ? null : new Date(Date.now() + seconds * 1000);
}

/**
 * Gives back a claimed attempt that was refused unchecked (by the account's ceiling).
 * Its time stays as the pair's last attempt, which only matters to a pair already past
 * the threshold: it waits its current delay once more.
 */
export async function releaseAttempt(email: string, guesser: Guesser): Promise<void> {
  await refundRateLimit(pairKey(email, guesser));
}

/** A right guess starts the pair's count again. */
export async function clearFailedAttempts(tx: Tx, email: string, guesser: Guesser): Promise<void> {
  await tx.rateLimitBucket.deleteMany({ where: { key: pairKey(email, guesser) } });
}

/**
 * Forgets every delay, of every address and device, and the account's ceiling for this
 * email address: for an administrator's unlock, and for a completed reset (the old
 * password is gone).
 */
export async function clearSignInThrottles(tx: Tx, email: string): Promise<void> {
  await tx.rateLimitBucket.deleteMany({
    where: { OR: [{ key: accountCeilingKey(email) }, { key: { startsWith: pairPrefix(email) } }] },
  });
}
