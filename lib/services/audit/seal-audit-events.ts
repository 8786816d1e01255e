import "server-only";
import { db, type Tx } from "@/lib/db";
import { chainHash, genesisHash } from "@/lib/services/audit/audit-chain";

/** One advisory-lock key for the chain: whoever holds it may append. */
const chainLock = 0x61756469; // "audi"
const batchSize = 1000;

export type ChainHead = { seq: bigint; hash: string };

/** The last sealed event, else the last checkpoint (everything before it was pruned), else the genesis. */
export async function chainHead(tx: Tx): Promise<ChainHead> {
  const last = await tx.auditEvent.findFirst({
    where: { seq: { not: null } },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  if (last?.seq != null && last.hash) return { seq: last.seq, hash: last.hash };
  const checkpoint = await tx.auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return checkpoint ?? { seq: 0n, hash: genesisHash };
}

/** Appends up to one batch of committed, unsealed events to the chain; null when another sealer holds it. */
async function sealBatch(): Promise<number | null> {
  return db().$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ held: boolean }[]>`SELECT pg_try_advisory_xact_lock(${chainLock}) AS held`;
    if (!lock?.held) return null;
    const events = await tx.auditEvent.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }], take: batchSize });
    if (events.length === 0) return 0;
    let { seq, hash } = await chainHead(tx);
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
    return events.length;
  });
}

/**
 * Gives every committed event its place in the chain, in the order of its time (an
 * event committed late by a long transaction simply joins the chain later). Events are
 * written without touching the chain, so no request ever waits for another's chain
 * head; the price is that an event is unsealed for the few seconds until the next pass
 * (the server runs one every few seconds; pruning and verification run one first).
 * Returns how many events it sealed, or null when another instance was sealing.
 */
export async function sealAuditEvents(): Promise<number | null> {
  let sealed = 0;
  for (;;) {
    const count = await sealBatch();
    if (count === null) return sealed === 0 ? null : sealed;
    sealed += count;
    if (count < batchSize) return sealed;
  }
}
