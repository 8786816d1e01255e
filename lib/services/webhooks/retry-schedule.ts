/**
 * How long to wait after each failed attempt: the schedule the Standard Webhooks
 * specification suggests, about three days in all (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 14 h, 20 h, 24 h). After the last, the delivery has failed and its endpoint is turned off.
 */
export const retryDelaysMs = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400].map((seconds) => seconds * 1000);

/** When to try again after `attempts` attempts have failed, or null when the schedule is exhausted. */
export function nextAttemptAfter(attempts: number, now: Date, delays: readonly number[] = retryDelaysMs): Date | null {
  const delay = delays[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
