import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { ManagedUser, UserFilter } from "@/lib/schemas/user";
import { toManagedUser, withoutPasswordHash } from "@/lib/services/users/to-managed-user";
import { userFilterWhere } from "@/lib/services/users/user-filter-where";

/**
 * Every user matching a filter, in batches walked by id, so an export of any size holds
 * one batch in memory at a time. Authorization is checked at the call, not lazily at
 * the first batch.
 */
export function findUserBatches({
  actor,
  filter,
  batchSize = 1000,
}: {
  actor: Actor;
  filter: UserFilter;
  batchSize?: number;
}): AsyncGenerator<ManagedUser[]> {
  authorize(actor, "users:read");
  const where = userFilterWhere(filter);
  return (async function* batches() {
    let afterId: string | undefined;
    while (true) {
      const rows = await db().user.findMany({
        where: afterId ? { AND: [where, { id: { gt: afterId } }] } : where,
        orderBy: { id: "asc" },
        take: batchSize,
        omit: withoutPasswordHash,
      });
      if (rows.length === 0) return;
      yield rows.map(toManagedUser);
      if (rows.length < batchSize) return;
      afterId = rows.at(-1)!.id;
    }
  })();
}
