import "server-only";
import { db, type Tx } from "@/lib/db";
import { chainHash, genesisHash } from "@/lib/services/audit/audit-chain";
import { newestSealedAt, sealingFloor } from "@/lib/services/audit/sealing-floor";

/** One advisory-lock key for the chain: whoever holds it may append. */
const chainLock = 0x61756469; // "audi"
const batchSize = 1000;

type ChainHead = { seq: bigint; hash: string };

/** The last sealed event, else the last checkpoint (everything before it was pruned), else the genesis. */
async function chainHead(tx: Tx): Promise<ChainHead> {
  const last = await tx.auditEvent.findFirst({
    where: { seq: { not: null } },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  if (last?.seq != null && last.hash) return { seq: last.seq, hash: last.hash };
  const checkpoint = await tx.auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return checkpoint ?? { seq: 0n, hash: genesisHash };
}

const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** What one batch leaves for the next: the chain's last place and the newest date sealed so far. */
type Sealed = { lastSeq: bigint; newest: Date | null };

/**
 * Appends up to one batch of committed, unsealed events to the chain; null when another
 * sealer holds it. `previous` is what the previous batch of this pass left: while nobody
 * else has sealed since, its newest date stands, so a large backlog is not scanned again
 * for every batch.
 */
async function sealBatch(previous: Sealed | undefined): Promise<{ count: number; sealed: Sealed } | null> {
  return db().$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ held: boolean }[]>`SELECT pg_try_advisory_xact_lock(${chainLock}) AS held`;
    if (!lock?.held) return null;
    const head = await chainHead(tx);
    const newest = previous?.lastSeq === head.seq ? previous.newest : await newestSealedAt(tx);
    // An event dated well before the newest sealed one stays out of the chain: verification names it.
    const floor = sealingFloor(newest);
    const events = await tx.auditEvent.findMany({
      where: { seq: null, ...(floor ? { at: { gte: floor } } : {}) },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    if (events.length === 0) return { count: 0, sealed: { lastSeq: head.seq, newest } };
    let { seq, hash } = head;
    const ids: string[] = [];
    const seqs: string[] = [];
    const hashes: string[] = [];
    for (const event of events) {
      seq += 1n;
      hash = chainHash(hash, seq, event);
      ids.push(event.id);
      seqs.push(seq.toString());
      hashes.push(hash);
    }
    await tx.$executeRaw`
      UPDATE audit_events AS e SET seq = v.seq, hash = v.hash
      FROM unnest(${ids}::uuid[], ${seqs}::bigint[], ${hashes}::text[]) AS v(id, seq, hash)
      WHERE e.id = v.id`;
    return { count: events.length, sealed: { lastSeq: seq, newest: later(newest, events[events.length - 1]!.at) } };
  });
}

export async function sealAuditEvents(): Promise<number | null> {
  let count = 0;
  let sealed: Sealed | undefined;
  for (;;) {
    const batch = await sealBatch(sealed);
    if (batch === null) return count === 0 ? null : count;
    count += batch.count;
    sealed = batch.sealed;
    if (batch.count < batchSize) return count;
  }
}
