import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/pagination";
import type { Page } from "@/lib/schemas/pagination";
import type { ManagedUser, UserListQuery } from "@/lib/schemas/user";
import { countUsers, countUsersToShow, type ShownTotal } from "@/lib/services/users/count-users";
import { queryManagedUsers, selectManagedUsers } from "@/lib/services/users/managed-user-rows";
import { toManagedUser } from "@/lib/services/users/to-managed-user";
import { narrowsUsers, userFilterSql } from "@/lib/services/users/user-filter-sql";
import { resolveAttributeQuery, type AttributeQuery } from "@/lib/services/attributes/resolve-attribute-query";
import { userSortOrder } from "@/lib/services/users/user-sort-order";

/**
 * One page by keyset, in one statement: each segment (user-sort-order.ts) is an index
 * range with its own limit, and the page is their union in segment order.
 */
function pageAfterCursor(filter: Prisma.Sql, query: UserListQuery, attributes: AttributeQuery) {
  const { segments, segmentOrder, pageOrder } = userSortOrder(query, attributes.sort);
  const sortValue = attributes.sort ? Prisma.sql`, ${Prisma.raw(attributes.sort.sql)} AS "sortValue"` : Prisma.empty;
  const take = query.limit + 1;
  const branches = segments(query.cursor).map(
    (segment, index) =>
      Prisma.sql`(SELECT *, ${index}::int AS segment FROM (${selectManagedUsers(
        Prisma.sql`${attributes.join} WHERE ${filter} AND ${segment} ${segmentOrder} LIMIT ${take}`,
        sortValue,
      )}) branch)`,
  );
  return queryManagedUsers(Prisma.sql`SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) page ${pageOrder} LIMIT ${take}`);
}

/**
 * One page sorted by an attribute, by keyset, one segment after another, stopping once the
 * page is full. The union of pageAfterCursor would read the segment of users without a
 * value for every page, and that one is an anti-join with no index in the value's order:
 * 470 ms at 100,000 users, against a few for the valued segment.
 */
async function attributePageAfterCursor(filter: Prisma.Sql, query: UserListQuery, attributes: AttributeQuery & { sort: object }) {
  const { segments, segmentOrder, emptiesOrder } = userSortOrder(query, attributes.sort);
  const sortValue = Prisma.sql`, ${Prisma.raw(attributes.sort.sql)} AS "sortValue"`;
  const rows: Awaited<ReturnType<typeof queryManagedUsers>> = [];
  const all = segments(query.cursor);
  for (const [index, segment] of all.entries()) {
    const take = query.limit + 1 - rows.length;
    if (take <= 0) break;
    // An attribute sort has two segments, valued then empty, or only the empty one after a cursor in it.
    const order = index === 1 || all.length === 1 ? emptiesOrder : segmentOrder;
    const where = Prisma.sql`${attributes.join} WHERE ${filter} AND ${segment} ${order} LIMIT ${take}`;
    rows.push(...(await queryManagedUsers(selectManagedUsers(where, sortValue))));
  }
  return rows;
}

/** One numbered page: an offset reads every row before it, whatever the order. */
function numberedPage(filter: Prisma.Sql, query: UserListQuery, page: number, attributes: AttributeQuery) {
  const { listOrder } = userSortOrder(query, attributes.sort);
  const offset = (page - 1) * query.limit;
  return queryManagedUsers(
    selectManagedUsers(Prisma.sql`${attributes.join} WHERE ${filter} ${listOrder} LIMIT ${query.limit + 1} OFFSET ${offset}`),
  );
}

/**
 * Lists users for administrators. With `page` it answers `total`, for tables people
 * click through; otherwise it walks by keyset (`cursor` from the previous answer's
 * `nextCursor`) and never counts, which stays fast however large the table grows.
 * With `shownTotal` it answers that instead of `total`, for the admin table (count-users.ts).
 */
export async function listUsers({
  actor,
  query,
  shownTotal = false,
}: {
  actor: Actor;
  query: UserListQuery;
  shownTotal?: boolean;
}): Promise<Page<ManagedUser> & { shownTotal?: ShownTotal }> {
  authorize(actor, "users:read");
  const attributes = await resolveAttributeQuery(query);
  const filter = userFilterSql(query, attributes.conditions);
  const searching = Boolean(query.q);
  const { page } = query;

  const [rows, total, shown] = await Promise.all([
    page !== undefined
      ? numberedPage(filter, query, page, attributes)
      : attributes.sort
        ? attributePageAfterCursor(filter, query, { ...attributes, sort: attributes.sort })
        : pageAfterCursor(filter, query, attributes),
    page !== undefined && !shownTotal ? countUsers(filter, { searching }) : undefined,
    shownTotal ? countUsersToShow(filter, { searching, narrowed: narrowsUsers(query) }) : undefined,
  ]);
  const hasMore = rows.length > query.limit;
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  return {
    data: data.map(toManagedUser),
    ...(total !== undefined ? { total } : {}),
    ...(shown !== undefined ? { shownTotal: shown } : {}),
    nextCursor: hasMore && last ? encodeCursor(userSortOrder(query, attributes.sort).positionOf(last)) : null,
  };
}
