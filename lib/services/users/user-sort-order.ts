import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, type CursorPosition } from "@/lib/pagination";
import { dateTimeField, lineField } from "@/lib/schemas/fields";
import type { UserListQuery } from "@/lib/schemas/user";
import type { AttributeSortColumn } from "@/lib/services/attributes/resolve-attribute-query";
import type { ManagedUserRecord } from "@/lib/services/users/to-managed-user";

type SortKey = Exclude<UserListQuery["sort"], "attribute">;
type Column =
  | {
      sql: string;
      field: "createdAt" | "email" | "name" | "lastLoginAt";
      value: z.ZodType<string | null>;
      nullable: boolean;
      cast?: never;
      empty?: never;
      id?: never;
    }
  | AttributeSortColumn;

/** Each sort's column, and what a cursor's value may be for it, as positionOf writes it; an attribute's comes from its definition. */
const columns: Record<SortKey, Column> = {
  created: { sql: "u.created_at", field: "createdAt", value: dateTimeField(), nullable: false },
  email: { sql: "u.email", field: "email", value: lineField().max(254), nullable: false },
  name: { sql: "u.name", field: "name", value: lineField().max(100).nullable(), nullable: true },
  lastLogin: { sql: "u.last_login_at", field: "lastLoginAt", value: dateTimeField().nullable(), nullable: true },
};

/**
 * Keyset order for the user list: the sort column, then the id as tie-breaker, so a
 * cursor names one exact position; users without a value (no name, never signed in)
 * come last in both directions.
 *
 * Every page is read as ranges of the (column, id) indexes over users not deleted
 * (users_list_paging migration), forward for ascending pages and backward for
 * descending ones. Past a cursor the condition is the row comparison `(column, id) >
 * (value, id)`, which PostgreSQL turns into the start of the range: the spelled-out
 * `column > v OR (column = v AND id > …)` made it read every row before the cursor, and
 * even `column >= v AND (…)` every row sharing the cursor's value. Empty values are a
 * segment of their own after the others, because "empty last" is the index's own order
 * in one direction only.
 */
export function userSortOrder({ sort, order }: Pick<UserListQuery, "sort" | "order">, attribute?: AttributeSortColumn) {
  const column: Column = sort === "attribute" && attribute ? attribute : columns[sort === "attribute" ? "created" : sort];
  const sql = Prisma.raw(column.sql);
  const direction = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  const beyond = Prisma.raw(order === "asc" ? ">" : "<");
  const idColumn = Prisma.raw(column.id ?? "u.id");

  /** The order within a segment: without NULLS, so it is the index's own in either direction. */
  const segmentOrder = Prisma.sql`ORDER BY ${sql} ${direction}, ${idColumn} ${direction}`;
  /** The same order over a page's segments, by the columns' names in the result. */
  const pageOrder = Prisma.sql`ORDER BY segment, ${Prisma.raw(`"${column.field}"`)} ${direction}, id ${direction}`;
  /**
   * The whole list's order in one query, for numbered pages. Descending with empty
   * values last is not the (column, id) index's order read backward, so the nullable
   * columns have a second index in that order (users_list_paging migration); without it
   * every page of the admin table sorted all users first.
   */
  const listOrder = Prisma.sql`ORDER BY ${sql} ${direction}${Prisma.raw(column.nullable ? " NULLS LAST" : "")}, u.id ${direction}`;

  const positionOf = (
    user: Pick<ManagedUserRecord, Exclude<Column["field"], "sortValue"> | "id"> & { sortValue?: unknown },
  ): CursorPosition => {
    const value = user[column.field];
    // An attribute's value travels as text and is cast back to its column's type (cast).
    if (column.cast)
      return {
        value: value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value),
        id: user.id,
      };
    return { value: value instanceof Date ? value.toISOString() : (value as string | null), id: user.id };
  };

  /** The conditions of the list's segments after a cursor's position, or from its start, in order. */
  const segments = (cursor?: string): Prisma.Sql[] => {
    const empties = column.empty ? Prisma.raw(column.empty) : Prisma.sql`${sql} IS NULL`;
    if (!cursor) return column.nullable ? [Prisma.sql`${sql} IS NOT NULL`, empties] : [Prisma.sql`TRUE`];
    const { value, id } = decodeCursor(cursor, column.value);
    if (value === null) return [Prisma.sql`${empties} AND u.id ${beyond} ${id}::uuid`];
    const typed = column.cast
      ? Prisma.sql`${value}::text::${Prisma.raw(column.cast)}`
      : column.field === "createdAt" || column.field === "lastLoginAt"
        ? Prisma.sql`${new Date(value)}::timestamptz`
        : Prisma.sql`${value}`;
    // A joined attribute is null-extended by its LEFT JOIN; saying it is set lets PostgreSQL make the join inner and start the index range at the cursor.
    const valued = column.cast ? Prisma.sql`${sql} IS NOT NULL AND ` : Prisma.empty;
    const rest = Prisma.sql`${valued}(${sql}, ${idColumn}) ${beyond} (${typed}, ${id}::uuid)`;
    return column.nullable ? [rest, empties] : [rest];
  };

  /** The order within the segment of users without a value, where only the id still orders (attribute sorts read it apart). */
  const emptiesOrder = Prisma.sql`ORDER BY u.id ${direction}`;

  return { segmentOrder, pageOrder, listOrder, emptiesOrder, positionOf, segments };
}
