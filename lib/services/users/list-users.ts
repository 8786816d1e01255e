import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { Page } from "@/lib/schemas/pagination";
import type { ManagedUser, UserListQuery } from "@/lib/schemas/user";
import { requireUserManager } from "@/lib/services/users/require-user-manager";
import { toManagedUser } from "@/lib/services/users/to-managed-user";
import { userFilterWhere } from "@/lib/services/users/user-filter-where";
import { userSortOrder } from "@/lib/services/users/user-sort-order";

/**
 * Lists users for administrators. With `page` it answers `total`, for tables people
 * click through; otherwise it walks by keyset (`cursor` from the previous answer's
 * `nextCursor`) and never counts, which stays fast however large the table grows.
 */
export async function listUsers({ actor, query }: { actor: Actor; query: UserListQuery }): Promise<Page<ManagedUser>> {
  requireUserManager(actor);
  const filter = userFilterWhere(query);
  const { orderBy, positionOf, after } = userSortOrder(query);
  const byPage = query.page !== undefined;
  const where = query.cursor ? { AND: [filter, after(decodeCursor(query.cursor))] } : filter;

  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy,
      take: query.limit + 1,
      skip: byPage ? ((query.page ?? 1) - 1) * query.limit : 0,
    }),
    byPage ? db().user.count({ where: filter }) : Promise.resolve(undefined),
  ]);
  const hasMore = rows.length > query.limit;
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  return {
    data: data.map(toManagedUser),
    ...(total !== undefined ? { total } : {}),
    nextCursor: hasMore && last ? encodeCursor(positionOf(last)) : null,
  };
}
