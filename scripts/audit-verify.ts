// `npm run audit:verify`: walks the audit log's hash chain from the last pruning
// checkpoint to the newest event and reports the first broken link. Exits 1 when the
// chain is broken, so cron or a monitoring job can alert on it.
//
//   --expect-head <place>:<hash>   a head printed by an earlier run: fail if the chain no longer reaches it
//   --head-file <path>             read the expected head from this file (if it exists) and, when the
//                                  chain is intact, write the new head to it; keep it off the database's host
import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { walkAuditChain, type BrokenLink, type ExportedHead } from "@/lib/services/audit/verify-audit-chain";
import { formatHead, parseHead, readHeadFile, writeHeadFile } from "@/scripts/lib/exported-head";

function describe(link: BrokenLink): string {
  switch (link.reason) {
    case "checkpoint_forged":
      return `the checkpoint at place ${link.seq} does not carry a valid signature (is AUDIT_PRUNE_PUBLIC_KEY the public half of the pruning job's AUDIT_PRUNE_KEY?)`;
    case "event_altered":
      return `event ${link.eventId} (place ${link.seq}) was changed after it was sealed`;
    case "events_missing":
      return `events are missing before event ${link.eventId}: expected place ${link.expectedSeq}, found ${link.seq}`;
    case "head_missing":
      return `the expected head at place ${link.seq} is gone: the chain ends at place ${link.headSeq}, so the newest events were removed`;
    case "head_mismatch":
      return `place ${link.seq} holds another hash than the expected head: the chain was rewritten`;
    case "event_backdated":
      return `event ${link.eventId} is dated ${link.at}, well before events sealed earlier, so it was written with a chosen date; ${link.seq ? `yet it is sealed at place ${link.seq}` : "it is not sealed"}`;
  }
}

async function expectedHead(values: { "expect-head"?: string; "head-file"?: string }): Promise<ExportedHead | undefined> {
  if (values["expect-head"]) return parseHead(values["expect-head"]);
  if (values["head-file"]) return (await readHeadFile(values["head-file"])) ?? undefined;
  return undefined;
}

async function main() {
  const { values } = parseArgs({ options: { "expect-head": { type: "string" }, "head-file": { type: "string" } } });
  const expected = await expectedHead(values);
  const report = await walkAuditChain({ expectedHead: expected });
  const start = report.checkpointSeq ? `from the checkpoint at place ${report.checkpointSeq}` : "from the first event";
  if (report.brokenAt) {
    console.error(`The audit chain is broken: ${describe(report.brokenAt)}. ${report.checked} events verified ${start} before it.`);
  } else {
    const against = expected ? `, and it still reaches the expected head at place ${expected.seq}` : "";
    console.log(`The audit chain is intact: ${report.checked} events verified ${start}${against}.`);
    console.log(`Head: ${formatHead(report.head)} (keep it elsewhere and pass it as --expect-head next time).`);
    if (values["head-file"]) await writeHeadFile(values["head-file"], report.head);
  }
  if (report.unsealed > 0) console.log(`${report.unsealed} events are not sealed (committed during the check, or refused).`);
  await disconnectDb();
  if (report.brokenAt) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
