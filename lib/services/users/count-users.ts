import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Counting a search reads every match. With PostgreSQL's default random_page_cost (4,
 * meant for spinning disks) the planner prefers scanning all users to the trigram
 * indexes: 215 ms instead of 22 ms for `q=smith` at 100,000 users. The SSD value is
 * set for this one count, in its own transaction, so it holds behind any pooler.
 */
export async function countUsers(where: Prisma.UserWhereInput, searching: boolean, atMost?: number): Promise<number> {
  const count = () => db().user.count({ where, ...(atMost ? { take: atMost } : {}) });
  if (!searching) return count();
  const [, total] = await db().$transaction([db().$executeRaw`SET LOCAL random_page_cost = 1.1`, count()]);
  return total;
}

/** A total to show people: exact, PostgreSQL's estimate ("about"), or a floor ("more than"). */
export type ShownTotal = { value: number; precision: "exact" | "about" | "more_than" };

/** Up to this many matches are counted exactly: a few milliseconds, whatever the table's size. */
export const exactCountLimit = 10_000;

/**
 * The total under a table of users. An exact count reads every matching row (1.6 s for
 * a million users), too slow for a page that loads on every click. So matches are
 * counted exactly up to exactCountLimit; beyond that, the unfiltered list shows the
 * planner's estimate of users not deleted (its statistics of the partial index over
 * them), and a filtered one shows "more than" the limit.
 */
export async function countUsersToShow(
  where: Prisma.UserWhereInput,
  { searching, filtered }: { searching: boolean; filtered: boolean },
): Promise<ShownTotal> {
  const counted = await countUsers(where, searching, exactCountLimit + 1);
  if (counted <= exactCountLimit) return { value: counted, precision: "exact" };
  if (filtered) return { value: exactCountLimit, precision: "more_than" };
  const [estimate] = await db().$queryRaw<{ rows: number }[]>`
    SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'users_live_created_at_id_idx'::regclass`;
  return estimate && estimate.rows > exactCountLimit
    ? { value: Math.round(estimate.rows), precision: "about" }
    : { value: exactCountLimit, precision: "more_than" };
}
