import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pluralize } from "@/lib/pluralize";

export type RateLimitRule = {
  /** What is being limited and for whom, e.g. `sign-in:ip:203.0.113.9`. */
  key: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one hit against a fixed-window counter in PostgreSQL, so every app instance
 * behind a load balancer shares it. One atomic upsert: concurrent hits cannot both
 * slip under the limit.
 */
export async function consumeRateLimit({ key, limit, windowSeconds }: RateLimitRule): Promise<RateLimitResult> {
  const [bucket] = await db().$queryRaw<{ hits: number; reset_at: Date }[]>`
    INSERT INTO rate_limit_buckets (key, hits, reset_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limit_buckets.reset_at <= now() THEN 1 ELSE rate_limit_buckets.hits + 1 END,
      reset_at = CASE WHEN rate_limit_buckets.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit_buckets.reset_at END
    RETURNING hits, reset_at`;
  // Expired buckets are dead weight; a rare sweep keeps the table small without a job.
  if (Math.random() < 0.01) await db().$executeRaw`DELETE FROM rate_limit_buckets WHERE reset_at < now()`;

  const hits = Number(bucket!.hits);
  const retryAfterSeconds = Math.max(1, Math.ceil((bucket!.reset_at.getTime() - Date.now()) / 1000));
  return { allowed: hits <= limit, remaining: Math.max(0, limit - hits), retryAfterSeconds };
}

/** Takes back one hit, for an attempt that turned out not to count against the limit. */
export async function refundRateLimit(key: string): Promise<void> {
  await db().$executeRaw`UPDATE rate_limit_buckets SET hits = greatest(hits - 1, 0) WHERE key = ${key} AND reset_at > now()`;
}

/** Counts a hit for each rule and throws 429, with Retry-After, when any is exceeded. */
export async function enforceRateLimits(rules: RateLimitRule[]): Promise<void> {
  const results = await Promise.all(rules.map(consumeRateLimit));
  const refused = results.filter((result) => !result.allowed);
  if (refused.length === 0) return;
  throw tooManyAttempts(Math.max(...refused.map((result) => result.retryAfterSeconds)));
}

/** The 429 every limit answers, with Retry-After and a wait people can read. */
export function tooManyAttempts(retryAfterSeconds: number, what = "attempts"): AppError {
  return new AppError("rate_limited", `Too many ${what}. Try again in ${describeWait(retryAfterSeconds)}.`, {
    headers: { "retry-after": String(retryAfterSeconds) },
  });
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return pluralize(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  return pluralize(minutes, "minute");
}
