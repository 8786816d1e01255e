import "server-only";
import { config } from "@/lib/config";

const minute = 60_000;

/** A session ends at its absolute lifetime or after an idle period, whichever comes first. */
export function sessionExpiry(createdAt: Date, lastSeenAt: Date): Date {
  const { SESSION_MAX_AGE_HOURS, SESSION_IDLE_TIMEOUT_MINUTES } = config();
  const absolute = createdAt.getTime() + SESSION_MAX_AGE_HOURS * 60 * minute;
  const idle = lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MINUTES * minute;
  return new Date(Math.min(absolute, idle));
}

/** Writing when a credential was last used on every request would make every read a write; once a minute is enough. */
const lastUsePrecisionMs = minute;

/** Whether a credential's last use (a session's `lastSeenAt`, a token's `lastUsedAt`) is old enough to write again. */
export function isLastUseStale(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() > lastUsePrecisionMs;
}
