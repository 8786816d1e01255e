import type { z } from "zod";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { decodeCursor, type CursorPosition } from "@/lib/pagination";
import { dateTimeField, lineField } from "@/lib/schemas/fields";
import type { UserListQuery } from "@/lib/schemas/user";

const columns = { created: "createdAt", email: "email", name: "name", lastLogin: "lastLoginAt" } as const;
type SortColumn = (typeof columns)[keyof typeof columns];

/** What a cursor's value may be for each sort column, as positionOf writes it. */
const cursorValues: Record<SortColumn, z.ZodType<string | null>> = {
  createdAt: dateTimeField(),
  email: lineField().max(254),
  name: lineField().max(100).nullable(),
  lastLoginAt: dateTimeField().nullable(),
};
const dateColumns = new Set<SortColumn>(["createdAt", "lastLoginAt"]);
const nullableColumns = new Set<SortColumn>(["name", "lastLoginAt"]);

/**
 * Keyset order for the user list: the sort column, then the id as tie-breaker, so a
 * cursor names one exact position; users without a value (no name, never signed in)
 * come last in both directions.
 *
 * Every page is read as index ranges (users_list_paging migration): `segments` are the
 * parts of the list from a position on, in order, each a condition that PostgreSQL runs
 * as one range of the (column, id) index, forward for ascending and backward for
 * descending pages. Empty values are a segment of their own, after the others, because
 * "empty last" is the index's own order in one direction only. Past a cursor the
 * condition is `column <= v AND (column < v OR id < cursor id)` (mirrored for
 * ascending): the first half bounds the range, where the usual `column < v OR (column = v
 * AND …)` made PostgreSQL read everything before the cursor.
 */
export function userSortOrder({ sort, order }: Pick<UserListQuery, "sort" | "order">) {
  const column: SortColumn = columns[sort];
  const nullable = nullableColumns.has(column);
  const beyond = order === "asc" ? "gt" : "lt";
  const beyondOrAt = order === "asc" ? "gte" : "lte";

  /** The order of each segment: without a NULLS clause, so it is the index's own, read in either direction. */
  const segmentOrder: Prisma.UserOrderByWithRelationInput[] = [{ [column]: order }, { id: order }];
  /** The whole list's order in one query, for numbered pages (which read every row before the page anyway). */
  const listOrder: Prisma.UserOrderByWithRelationInput[] = [{ [column]: nullable ? { sort: order, nulls: "last" } : order }, { id: order }];

  const positionOf = (user: Pick<User, SortColumn | "id">): CursorPosition => {
    const value = user[column];
    return { value: value instanceof Date ? value.toISOString() : value, id: user.id };
  };

  /** The segments of the list after a cursor's position, or from its start. */
  const segments = (cursor?: string): Prisma.UserWhereInput[] => {
    const empties: Prisma.UserWhereInput = { [column]: null };
    if (!cursor) return nullable ? [{ [column]: { not: null } }, empties] : [{}];
    const { value, id } = decodeCursor(cursor, cursorValues[column]);
    if (value === null) return [{ ...empties, id: { [beyond]: id } }];
    const typed = dateColumns.has(column) ? new Date(value) : value;
    const rest: Prisma.UserWhereInput = {
      AND: [{ [column]: { [beyondOrAt]: typed } }, { OR: [{ [column]: { [beyond]: typed } }, { id: { [beyond]: id } }] }],
    };
    return nullable ? [rest, empties] : [rest];
  };

  return { segmentOrder, listOrder, positionOf, segments };
}
