import "server-only";
import type { Db, Tx } from "@/lib/db";

/** The UTC calendar day a moment falls on, as PostgreSQL's `date` reads it. */
export const utcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/**
 * Marks the user as active on the day of `at`. Callers invoke it where they already
 * write the last use of a session or token (at most once a minute), so counting active
 * users costs no extra write on an ordinary request. A second mark on the same day is a no-op.
 */
export async function recordUserActivity(client: Db | Tx, { userId, at }: { userId: string; at: Date }): Promise<void> {
  await client.userActivityDay.createMany({ data: [{ userId, day: utcDay(at) }], skipDuplicates: true });
}
