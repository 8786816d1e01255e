import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/pagination";
import type { Page } from "@/lib/schemas/pagination";
import type { ManagedUser, UserListQuery } from "@/lib/schemas/user";
import { countUsers, countUsersToShow, type ShownTotal } from "@/lib/services/users/count-users";
import { toManagedUser, withoutPasswordHash } from "@/lib/services/users/to-managed-user";
import { userFilterWhere } from "@/lib/services/users/user-filter-where";
import { userSortOrder } from "@/lib/services/users/user-sort-order";

type ListedUser = Omit<Prisma.UserGetPayload<object>, "passwordHash">;

/** One page by keyset: segment after segment (user-sort-order.ts) until the page is full. */
async function rowsAfterCursor(filter: Prisma.UserWhereInput, query: UserListQuery): Promise<ListedUser[]> {
  const { segments, segmentOrder } = userSortOrder(query);
  const rows: ListedUser[] = [];
  for (const segment of segments(query.cursor)) {
    const wanted = query.limit + 1 - rows.length;
    if (wanted <= 0) break;
    rows.push(
      ...(await db().user.findMany({ where: { AND: [filter, segment] }, orderBy: segmentOrder, take: wanted, omit: withoutPasswordHash })),
    );
  }
  return rows;
}

/** One numbered page, in one query: an offset reads every row before it, whatever the order. */
function rowsOfPage(filter: Prisma.UserWhereInput, query: UserListQuery, page: number): Promise<ListedUser[]> {
  const { listOrder } = userSortOrder(query);
  return db().user.findMany({
    where: filter,
    orderBy: listOrder,
    take: query.limit + 1,
    skip: (page - 1) * query.limit,
    omit: withoutPasswordHash,
  });
}

const isFiltered = (query: UserListQuery) =>
  Boolean(query.q || query.role || query.status || query.createdFrom || query.createdTo || query.hasMfa !== undefined);

/**
 * Lists users for administrators. With `page` it answers `total`, for tables people
 * click through; otherwise it walks by keyset (`cursor` from the previous answer's
 * `nextCursor`) and never counts, which stays fast however large the table grows.
 * `shownTotal` is for the admin table instead of an exact `total` (count-users.ts).
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
  const filter = userFilterWhere(query);
  const { positionOf } = userSortOrder(query);
  const searching = Boolean(query.q);
  const page = query.page;

  const [rows, total, shown] = await Promise.all([
    page === undefined ? rowsAfterCursor(filter, query) : rowsOfPage(filter, query, page),
    page !== undefined && !shownTotal ? countUsers(filter, searching) : undefined,
    shownTotal ? countUsersToShow(filter, { searching, filtered: isFiltered(query) }) : undefined,
  ]);
  const hasMore = rows.length > query.limit;
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  return {
    data: data.map(toManagedUser),
    ...(total !== undefined ? { total } : {}),
    ...(shown !== undefined ? { shownTotal: shown } : {}),
    nextCursor: hasMore && last ? encodeCursor(positionOf(last)) : null,
  };
}
