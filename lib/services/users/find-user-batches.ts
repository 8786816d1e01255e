import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ManagedUser, UserFilter } from "@/lib/schemas/user";
import { queryManagedUsers, selectManagedUsers } from "@/lib/services/users/managed-user-rows";
import { toManagedUser } from "@/lib/services/users/to-managed-user";
import { userFilterSql } from "@/lib/services/users/user-filter-sql";

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
  const where = userFilterSql(filter);
  return (async function* batches() {
    let afterId: string | undefined;
    while (true) {
      const after = afterId ? Prisma.sql`AND u.id > ${afterId}::uuid` : Prisma.empty;
      const rows = await queryManagedUsers(selectManagedUsers(Prisma.sql`WHERE ${where} ${after} ORDER BY u.id LIMIT ${batchSize}`));
      if (rows.length === 0) return;
      yield rows.map(toManagedUser);
      if (rows.length < batchSize) return;
      afterId = rows.at(-1)!.id;
    }
  })();
}
