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
 * Keyset order for the user list: the sort column (empty values last in both
 * directions), then the id as tie-breaker, so a cursor names one exact position.
 */
export function userSortOrder({ sort, order }: Pick<UserListQuery, "sort" | "order">) {
  const column: SortColumn = columns[sort];
  const orderBy: Prisma.UserOrderByWithRelationInput[] = [
    { [column]: nullableColumns.has(column) ? { sort: order, nulls: "last" } : order },
    { id: order },
  ];

  const positionOf = (user: User): CursorPosition => {
    const value = user[column];
    return { value: value instanceof Date ? value.toISOString() : value, id: user.id };
  };

  /** The rows after a cursor's position, in the same order. */
  const after = (cursor: string): Prisma.UserWhereInput => {
    const { value, id } = decodeCursor(cursor, cursorValues[column]);
    const compare = order === "asc" ? "gt" : "lt";
    if (value === null) return { [column]: null, id: { [compare]: id } };
    const typed = dateColumns.has(column) ? new Date(String(value)) : value;
    return {
      OR: [
        { [column]: { [compare]: typed } },
        { [column]: typed, id: { [compare]: id } },
        ...(nullableColumns.has(column) ? [{ [column]: null }] : []),
      ],
    };
  };

  return { orderBy, positionOf, after };
}
