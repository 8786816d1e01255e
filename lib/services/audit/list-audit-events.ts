import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { encodeCursor } from "@/lib/pagination";
import type { AuditEventPublic, AuditListQuery } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/pagination";
import { toAuditEventsPublic } from "@/lib/services/audit/mappers";
import { afterCursor, auditFilterWhere, authorizeAuditScope, type AuditScope } from "@/lib/services/audit/rules";

/**
 * One page of audit events, newest first, for the whole installation (global
 * administrators) or one organization (members whose role has `audit:read`). Pages by
 * cursor only: counting a log of millions of rows on every page would cost more than
 * the page.
 */
export async function listAuditEvents({
  actor,
  query,
  scope = null,
}: {
  actor: Actor;
  query: AuditListQuery;
  scope?: AuditScope;
}): Promise<Page<AuditEventPublic>> {
  const { limit, cursor, ...filter } = query;
  const scoped = await authorizeAuditScope(actor, scope);
  const events = await db().auditEvent.findMany({
    where: { AND: [scoped, await auditFilterWhere(filter), ...(cursor ? [afterCursor(cursor)] : [])] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = events.slice(0, limit);
  const last = page.at(-1);
  return {
    data: await toAuditEventsPublic(page),
    nextCursor: events.length > limit && last ? encodeCursor({ value: last.at.toISOString(), id: last.id }) : null,
  };
}
