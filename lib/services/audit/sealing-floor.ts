import "server-only";
import type { Tx } from "@/lib/db";

/**
 * How far before the newest sealed event a committed event may be dated and still be
 * sealed. An event is dated when its transaction began (PostgreSQL's now()), and the
 * longest transaction the app runs is a 60-second import, so a real event is never this
 * late; one dated earlier was written with a chosen date, and sealing it would put it
 * into the chain as if it had happened back then.
 */
export const backdatingToleranceMs = 5 * 60_000;

/**
 * The date of the newest sealed event. An index scan on `at`, backwards: in a running
 * installation the newest events are sealed within seconds, so it stops almost at once.
 */
export async function newestSealedAt(tx: Pick<Tx, "$queryRaw">): Promise<Date | null> {
  const [row] = await tx.$queryRaw<{ newest: Date | null }[]>`SELECT max(at) AS newest FROM audit_events WHERE seq IS NOT NULL`;
  return row?.newest ?? null;
}

/** The earliest date the sealer accepts after the newest sealed event's; null while nothing is sealed. */
export const sealingFloor = (newest: Date | null): Date | null => (newest ? new Date(newest.getTime() - backdatingToleranceMs) : null);
