import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { signatureMatches } from "@/lib/auth/encryption";
import { chainHash, checkpointMessage, genesisHash } from "@/lib/services/audit/audit-chain";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertCanVerifyAuditChain } from "@/lib/services/audit/rules";
import { sealAuditEvents } from "@/lib/services/audit/seal-audit-events";

export type BrokenLink =
  /** The checkpoint's signature is not ours: it was forged or altered. */
  | { reason: "checkpoint_forged"; seq: string }
  /** The event's content or hash no longer matches what was sealed. */
  | { reason: "event_altered"; eventId: string; seq: string }
  /** One or more events before this one are gone (deleted outside pruning). */
  | { reason: "events_missing"; eventId: string; seq: string; expectedSeq: string };

export type ChainReport = {
  intact: boolean;
  /** Events walked, from the checkpoint (or the start) to the head. */
  checked: number;
  /** Where the walk started: after the last checkpoint, if pruning left one. */
  checkpointSeq: string | null;
  /** The last event's place and hash: record it elsewhere to detect removal of the newest events. */
  head: { seq: string; hash: string };
  /** Events committed after the final sealing pass, not yet in the chain. */
  unsealed: number;
  brokenAt: BrokenLink | null;
};

const pageSize = 2000;

/** Walks the chain from the last checkpoint to the head and reports the first broken link. */
export async function walkAuditChain(): Promise<ChainReport> {
  await sealAuditEvents();
  const checkpoint = await db().auditCheckpoint.findFirst({ orderBy: { seq: "desc" } });
  let expectedSeq = (checkpoint?.seq ?? 0n) + 1n;
  let hash = checkpoint?.hash ?? genesisHash;
  let checked = 0;
  const report = (brokenAt: BrokenLink | null): Promise<ChainReport> =>
    db()
      .auditEvent.count({ where: { seq: null } })
      .then((unsealed) => ({
        intact: brokenAt === null,
        checked,
        checkpointSeq: checkpoint ? checkpoint.seq.toString() : null,
        head: { seq: (expectedSeq - 1n).toString(), hash },
        unsealed,
        brokenAt,
      }));

  if (checkpoint && !signatureMatches(checkpointMessage(checkpoint.seq, checkpoint.hash), checkpoint.signature)) {
    return report({ reason: "checkpoint_forged", seq: checkpoint.seq.toString() });
  }
  for (;;) {
    // Events at or before the checkpoint that pruning has not removed yet are vouched for by it.
    const events = await db().auditEvent.findMany({ where: { seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: pageSize });
    for (const event of events) {
      const seq = event.seq!;
      if (seq !== expectedSeq) {
        return report({ reason: "events_missing", eventId: event.id, seq: seq.toString(), expectedSeq: expectedSeq.toString() });
      }
      const recomputed = chainHash(hash, seq, event);
      if (recomputed !== event.hash) return report({ reason: "event_altered", eventId: event.id, seq: seq.toString() });
      hash = recomputed;
      expectedSeq += 1n;
      checked += 1;
    }
    if (events.length < pageSize) return report(null);
  }
}

/**
 * A superadmin's check of the audit log (the button on /admin/audit). The check itself
 * is recorded, with its outcome, so the log shows when it was last known intact.
 */
export async function verifyAuditChain({ actor }: { actor: Actor }): Promise<ChainReport> {
  assertCanVerifyAuditChain(actor);
  const result = await walkAuditChain();
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "audit.verified",
      actor: { id: actor.userId, email: actor.email },
      after: { intact: result.intact, checked: result.checked, head: result.head, brokenAt: result.brokenAt },
    }),
  );
  return result;
}
