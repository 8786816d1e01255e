import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Counts the users matching a filter (user-filter-sql.ts), at most `atMost` of them.
 * Counting a search reads every match. With PostgreSQL's default random_page_cost (4,
 * meant for spinning disks) the planner prefers scanning all users to the trigram
 * indexes: 215 ms instead of 22 ms for `q=smith` at 100,000 users. The SSD value is set
 * for this one count, in its own transaction, so it holds behind any pooler.
 */
export async function countUsers(filter: Prisma.Sql, { searching, atMost }: { searching: boolean; atMost?: number }): Promise<number> {
  const limit = atMost ? Prisma.sql`LIMIT ${atMost}` : Prisma.empty;
  const count = db().$queryRaw<
    { count: number }[]
  >`SELECT count(*)::int AS count FROM (SELECT 1 FROM users u WHERE ${filter} ${limit}) matches`;
  if (!searching) return (await count)[0]!.count;
  const [, rows] = await db().$transaction([db().$executeRaw`SET LOCAL random_page_cost = 1.1`, count]);
  return rows[0]!.count;
}

/** A total to show people: exact, PostgreSQL's estimate ("about"), or a floor ("more than"). */
export type ShownTotal = { value: number; precision: "exact" | "about" | "more_than" };

/** Up to this many matches are counted exactly: a few milliseconds, whatever the table's size. */
export const exactCountLimit = 10_000;

/**
 * The total under a table of users. An exact count reads every matching row (over a
 * second for a million users), too slow for a page that loads on every click. So
 * matches are counted exactly up to exactCountLimit; beyond that, the unfiltered list
 * shows the planner's estimate of the users not deleted (the row count it keeps for the
 * partial index over them), and a filtered one shows "more than" the limit.
 */
export async function countUsersToShow(
  filter: Prisma.Sql,
  { searching, narrowed }: { searching: boolean; narrowed: boolean },
): Promise<ShownTotal> {
  const counted = await countUsers(filter, { searching, atMost: exactCountLimit + 1 });
  if (counted <= exactCountLimit) return { value: counted, precision: "exact" };
  const floor: ShownTotal = { value: exactCountLimit, precision: "more_than" };
  if (narrowed) return floor;
  const [estimate] = await db().$queryRaw<{ rows: number }[]>`
    SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'users_live_created_at_id_idx'::regclass`;
  return estimate && estimate.rows > exactCountLimit ? { value: Math.round(estimate.rows), precision: "about" } : floor;
}
