import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicHalf, signCheckpoint } from "@/lib/services/audit/checkpoint-signature";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { sealAuditEvents } from "@/lib/services/audit/seal-audit-events";

export type PruneResult = { retentionDays: number; cutoff: string | null; deleted: number; checkpointSeq: string | null };

const dayMs = 86_400_000;
/** Deleting in slices keeps each transaction short, so writers are never held up for long. */
const sliceSize = 5000;

/**
 * The last place in the chain that may go: every event up to it is older than the
 * cutoff. An old event sealed after a newer one (a long transaction) waits for a later
 * run, so what is removed is always a prefix of the chain and the rest still verifies.
 */
async function lastPrunableSeq(cutoff: Date): Promise<bigint | null> {
  const [row] = await db().$queryRaw<{ boundary: bigint | null; last: bigint | null; checkpoint: bigint | null }[]>`
    SELECT (SELECT min(seq) FROM audit_events WHERE seq IS NOT NULL AND at >= ${cutoff}) AS boundary,
           (SELECT max(seq) FROM audit_events) AS last,
           (SELECT max(seq) FROM audit_checkpoints) AS checkpoint`;
  if (!row?.last) return null;
  const prunable = row.boundary === null ? row.last : row.boundary - 1n;
  return prunable > (row.checkpoint ?? 0n) ? prunable : null;
}

/**
 * The pruning key, which the server never holds: only the job that runs this. Refused
 * unless verification will trust what it signs, so a prune never leaves a checkpoint
 * that reads as forged.
 */
function pruneKey(): string {
  const { AUDIT_PRUNE_KEY: key, AUDIT_PRUNE_PUBLIC_KEY: trusted } = config();
  if (!key) {
    throw new AppError(
      "forbidden",
      "Pruning needs AUDIT_PRUNE_KEY (make a pair with npm run audit:prune -- --new-key); nothing was removed.",
    );
  }
  if (!trusted.includes(publicHalf(key))) {
    throw new AppError("forbidden", "AUDIT_PRUNE_PUBLIC_KEY does not list the public half of AUDIT_PRUNE_KEY; nothing was removed.");
  }
  return key;
}

/**
 * Signs the place and hash of the last event to go, before any of it is deleted: the
 * append-only trigger lets a DELETE through only for events up to the newest checkpoint.
 */
async function writeCheckpoint(seq: bigint, key: string): Promise<void> {
  const { hash } = await db().auditEvent.findUniqueOrThrow({ where: { seq }, select: { hash: true } });
  await db().auditCheckpoint.create({ data: { seq, hash: hash!, signature: signCheckpoint(seq, hash!, key) } });
}

async function deleteThrough(seq: bigint): Promise<number> {
  let deleted = 0;
  for (;;) {
    const removed = await db().$executeRaw`
      DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE seq <= ${seq} ORDER BY seq LIMIT ${sliceSize})`;
    deleted += removed;
    if (removed < sliceSize) return deleted;
  }
}

/**
 * Removes audit events older than AUDIT_RETENTION_DAYS (none when it is 0) and records
 * that it ran, with the cutoff, the count and the checkpoint, as an `audit.pruned` event,
 * which itself starts the retained log. The removed prefix of the hash chain leaves a
 * checkpoint signed with AUDIT_PRUNE_KEY, from which verification starts. Meant for a
 * daily `npm run audit:prune` from cron, the only place that key is set.
 */
export async function pruneAuditEvents({ now = new Date() }: { now?: Date } = {}): Promise<PruneResult> {
  const retentionDays = config().AUDIT_RETENTION_DAYS;
  const cutoff = retentionDays === 0 ? null : new Date(now.getTime() - retentionDays * dayMs);
  let deleted = 0;
  let checkpoint: bigint | null = null;
  if (cutoff) {
    const key = pruneKey();
    await sealAuditEvents();
    checkpoint = await lastPrunableSeq(cutoff);
    if (checkpoint !== null) {
      await writeCheckpoint(checkpoint, key);
      deleted = await deleteThrough(checkpoint);
    }
  }
  const result = { retentionDays, cutoff: cutoff?.toISOString() ?? null, deleted, checkpointSeq: checkpoint?.toString() ?? null };
  await db().$transaction((tx) => recordAuditEvent(tx, { action: "audit.pruned", actor: null, after: result }));
  return result;
}
