import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

export type PruneResult = { retentionDays: number; cutoff: string | null; deleted: number };

const dayMs = 86_400_000;
/** Deleting in slices keeps each transaction short, so writers are never held up for long. */
const sliceSize = 5000;

/**
 * Removes audit events older than AUDIT_RETENTION_DAYS (none when it is 0) and records
 * that it ran, with the cutoff and the count, as an `audit.pruned` event, which itself
 * starts the retained log. Meant for a daily `npm run audit:prune` from cron.
 */
export async function pruneAuditEvents({ now = new Date() }: { now?: Date } = {}): Promise<PruneResult> {
  const retentionDays = config().AUDIT_RETENTION_DAYS;
  const cutoff = retentionDays === 0 ? null : new Date(now.getTime() - retentionDays * dayMs);
  let deleted = 0;
  while (cutoff) {
    const removed = await db().$executeRaw`
      DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE at < ${cutoff} ORDER BY at LIMIT ${sliceSize})`;
    deleted += removed;
    if (removed < sliceSize) break;
  }
  const result = { retentionDays, cutoff: cutoff?.toISOString() ?? null, deleted };
  await db().$transaction((tx) => recordAuditEvent(tx, { action: "audit.pruned", actor: null, after: result }));
  return result;
}
