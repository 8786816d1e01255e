import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ManagedUser, UserFilter } from "@/lib/schemas/user";
import { queryManagedUsers, selectManagedUsers } from "@/lib/services/users/managed-user-rows";
import { toManagedUser } from "@/lib/services/users/to-managed-user";
import { resolveAttributeQuery } from "@/lib/services/attributes/resolve-attribute-query";
import { userFilterSql } from "@/lib/services/users/user-filter-sql";

/**
 * Every user matching a filter, in batches walked by id, so an export of any size holds
 * one batch in memory at a time. Authorization and the attribute filters (an unknown key,
 * a value of the wrong type) are checked before the first batch, while the caller can
 * still answer with an error rather than a broken stream.
 */
export async function findUserBatches({
  actor,
  filter,
  batchSize = 1000,
}: {
  actor: Actor;
  filter: UserFilter;
  batchSize?: number;
}): Promise<AsyncGenerator<ManagedUser[]>> {
  authorize(actor, "users:read");
  const where = userFilterSql(filter, (await resolveAttributeQuery(filter)).conditions);
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
