import "server-only";
import { config } from "@/lib/config";

/**
 * How long one client address must wait after `failures` consecutive wrong passwords
 * for one account: nothing below the threshold, then the base delay, doubling with each
 * further failure up to the cap. See docs/security.md for why the delay is per address.
 */
export function lockoutSeconds(failures: number): number {
  const { LOCKOUT_THRESHOLD, LOCKOUT_BASE_SECONDS, LOCKOUT_MAX_SECONDS } = config();
  if (failures < LOCKOUT_THRESHOLD) return 0;
  const doublings = Math.min(failures - LOCKOUT_THRESHOLD, 20);
  return Math.min(LOCKOUT_BASE_SECONDS * 2 ** doublings, LOCKOUT_MAX_SECONDS);
}

/** Whole seconds until `until`, at least 1, for Retry-After and the message people read. */
export function secondsUntil(until: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
