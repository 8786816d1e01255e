import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { Page, PaginationQuery } from "@/lib/schemas/pagination";

/**
 * Lists here are ordered by id: ids are UUIDv7, so that is creation order, and a cursor
 * is simply the last id seen. Fetching one row more than asked tells whether more follow.
 */
export function pageWindow(query: PaginationQuery) {
  if (query.cursor) {
    const { id } = decodeCursor(query.cursor, z.null());
    return { afterId: id, skip: 0, take: query.limit + 1 };
  }
  return { afterId: undefined, skip: ((query.page ?? 1) - 1) * query.limit, take: query.limit + 1 };
}

export function toPage<Row, Item>(
  rows: Row[],
  { query, total, idOf, map }: { query: PaginationQuery; total?: number; idOf: (row: Row) => string; map: (row: Row) => Item },
): Page<Item> {
  const visible = rows.slice(0, query.limit);
  const last = visible.at(-1);
  const hasMore = rows.length > query.limit;
  return {
    data: visible.map(map),
    ...(total === undefined ? {} : { total }),
    nextCursor: hasMore && last ? encodeCursor({ value: null, id: idOf(last) }) : null,
  };
}
