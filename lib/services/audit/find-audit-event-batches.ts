import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { AuditEventPublic, AuditFilter } from "@/lib/schemas/audit";
import { toAuditEventsPublic } from "@/lib/services/audit/mappers";
import { afterCursor, auditFilterWhere, authorizeAuditScope, type AuditScope } from "@/lib/services/audit/rules";
import { encodeCursor } from "@/lib/pagination";

/**
 * Every event matching the filters, newest first, in batches walked by cursor, so an
 * export of any size holds one batch at a time. Authorization is decided before the
 * first batch is asked for, so a refused caller gets an error answer, not an empty file.
 */
export async function findAuditEventBatches({
  actor,
  filter,
  scope = null,
  batchSize = 1000,
}: {
  actor: Actor;
  filter: AuditFilter;
  scope?: AuditScope;
  batchSize?: number;
}): Promise<AsyncGenerator<AuditEventPublic[]>> {
  const scoped = await authorizeAuditScope(actor, scope);
  const where = { AND: [scoped, await auditFilterWhere(filter)] };
  return (async function* batches() {
    let cursor: string | undefined;
    while (true) {
      const rows = await db().auditEvent.findMany({
        where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: batchSize,
      });
      if (rows.length === 0) return;
      yield await toAuditEventsPublic(rows);
      if (rows.length < batchSize) return;
      const last = rows.at(-1)!;
      cursor = encodeCursor({ value: last.at.toISOString(), id: last.id });
    }
  })();
}
