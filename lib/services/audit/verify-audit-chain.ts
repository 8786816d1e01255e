import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { AuditCheckpoint, AuditEvent } from "@/lib/generated/prisma/client";
import { chainHash, genesisHash } from "@/lib/services/audit/audit-chain";
import { checkpointSignatureMatches } from "@/lib/services/audit/checkpoint-signature";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { authorizeChainVerification } from "@/lib/services/audit/rules";
import { sealAuditEvents } from "@/lib/services/audit/seal-audit-events";
import { newestSealedAt, sealingFloor } from "@/lib/services/audit/sealing-floor";

export type BrokenLink =
  /** The checkpoint's signature is not one of AUDIT_PRUNE_PUBLIC_KEY's: it was forged or altered. */
  | { reason: "checkpoint_forged"; seq: string }
  /** The event's content or hash no longer matches what was sealed. */
  | { reason: "event_altered"; eventId: string; seq: string }
  /** One or more events before this one are gone (deleted outside pruning). */
  | { reason: "events_missing"; eventId: string; seq: string; expectedSeq: string }
  /** A head exported earlier lies beyond today's head: the newest events were removed. */
  | { reason: "head_missing"; seq: string; headSeq: string }
  /** The place of a head exported earlier holds another hash: the chain was rewritten from there or before. */
  | { reason: "head_mismatch"; seq: string }
  /**
   * An event dated well before events sealed earlier: written with a chosen date. The
   * sealer refuses such an event (`seq` null); one in the chain (`seq` set) got there
   * past the sealer.
   */
  | { reason: "event_backdated"; eventId: string; at: string; seq: string | null };

/** A head exported by an earlier verification: place and hash, to check that the chain still reaches it. */
export type ExportedHead = { seq: bigint; hash: string };

export type ChainReport = {
  intact: boolean;
  /** Events walked, from the checkpoint (or the start) to the head. */
  checked: number;
  /** Where the walk started: after the last checkpoint, if pruning left one. */
  checkpointSeq: string | null;
  /** The last event's place and hash: record it elsewhere to detect removal of the newest events. */
  head: { seq: string; hash: string };
  /** Events not in the chain: committed after the final sealing pass, or refused as back-dated. */
  unsealed: number;
  brokenAt: BrokenLink | null;
};

const pageSize = 2000;

/** Whether an exported head still fits: the hash at its place, or the checkpoint's; a head pruned since cannot be checked. */
function exportedHeadMismatch(expected: ExportedHead, checkpoint: AuditCheckpoint | null): BrokenLink | null {
  if (checkpoint && expected.seq === checkpoint.seq && expected.hash !== checkpoint.hash) {
    return { reason: "head_mismatch", seq: expected.seq.toString() };
  }
  return null;
}

/** The oldest unsealed event dated before what the sealer accepts: the sealer left it out of the chain. */
async function findBackdated(): Promise<BrokenLink | null> {
  const floor = sealingFloor(await newestSealedAt(db()));
  if (!floor) return null;
  const event = await db().auditEvent.findFirst({ where: { seq: null, at: { lt: floor } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return event ? { reason: "event_backdated", eventId: event.id, at: event.at.toISOString(), seq: null } : null;
}

/** Where a walk along the chain stands: the place and hash it expects next, and the newest date it passed. */
type Walk = { expectedSeq: bigint; hash: string; newest: Date | null; checked: number };

/** What is wrong with the walk's next event, if anything; otherwise the walk moves past it. */
function step(walk: Walk, event: AuditEvent, expectedHead: ExportedHead | undefined): BrokenLink | null {
  const seq = event.seq!;
  if (seq !== walk.expectedSeq) {
    return { reason: "events_missing", eventId: event.id, seq: seq.toString(), expectedSeq: walk.expectedSeq.toString() };
  }
  const recomputed = chainHash(walk.hash, seq, event);
  if (recomputed !== event.hash) return { reason: "event_altered", eventId: event.id, seq: seq.toString() };
  if (expectedHead?.seq === seq && expectedHead.hash !== recomputed) return { reason: "head_mismatch", seq: seq.toString() };
  // The sealer never seals an event dated before its floor, so one in the chain got there past it.
  const floor = sealingFloor(walk.newest);
  if (floor && event.at < floor) return { reason: "event_backdated", eventId: event.id, at: event.at.toISOString(), seq: seq.toString() };
  if (!walk.newest || event.at > walk.newest) walk.newest = event.at;
  walk.hash = recomputed;
  walk.expectedSeq += 1n;
  walk.checked += 1;
  return null;
}

/**
 * Walks the chain from the last checkpoint to the head and reports the first broken
 * link; given a head exported earlier, also that the chain still reaches it unchanged.
 */
export async function walkAuditChain({ expectedHead }: { expectedHead?: ExportedHead } = {}): Promise<ChainReport> {
  await sealAuditEvents();
  const checkpoint = await db().auditCheckpoint.findFirst({ orderBy: { seq: "desc" } });
  const walk: Walk = { expectedSeq: (checkpoint?.seq ?? 0n) + 1n, hash: checkpoint?.hash ?? genesisHash, newest: null, checked: 0 };
  const report = (brokenAt: BrokenLink | null): Promise<ChainReport> =>
    db()
      .auditEvent.count({ where: { seq: null } })
      .then((unsealed) => ({
        intact: brokenAt === null,
        checked: walk.checked,
        checkpointSeq: checkpoint ? checkpoint.seq.toString() : null,
        head: { seq: (walk.expectedSeq - 1n).toString(), hash: walk.hash },
        unsealed,
        brokenAt,
      }));

  if (checkpoint && !checkpointSignatureMatches(checkpoint.seq, checkpoint.hash, checkpoint.signature)) {
    return report({ reason: "checkpoint_forged", seq: checkpoint.seq.toString() });
  }
  const atCheckpoint = expectedHead ? exportedHeadMismatch(expectedHead, checkpoint) : null;
  if (atCheckpoint) return report(atCheckpoint);
  for (;;) {
    // Events at or before the checkpoint that pruning has not removed yet are vouched for by it.
    const events = await db().auditEvent.findMany({ where: { seq: { gte: walk.expectedSeq } }, orderBy: { seq: "asc" }, take: pageSize });
    for (const event of events) {
      const broken = step(walk, event, expectedHead);
      if (broken) return report(broken);
    }
    if (events.length < pageSize) break;
  }
  const headSeq = walk.expectedSeq - 1n;
  if (expectedHead && expectedHead.seq > headSeq) {
    return report({ reason: "head_missing", seq: expectedHead.seq.toString(), headSeq: headSeq.toString() });
  }
  return report(await findBackdated());
}

/**
 * A superadmin's check of the audit log (the button on /admin/audit). The check itself
 * is recorded, with its outcome, so the log shows when it was last known intact.
 */
export async function verifyAuditChain({ actor }: { actor: Actor }): Promise<ChainReport> {
  authorizeChainVerification(actor);
  const result = await walkAuditChain();
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "audit.verified",
      actor,
      after: { intact: result.intact, checked: result.checked, head: result.head, brokenAt: result.brokenAt },
    }),
  );
  return result;
}
