// `npm run audit:verify`: walks the audit log's hash chain from the last pruning
// checkpoint to the newest event and reports the first broken link. Exits 1 when the
// chain is broken, so cron or a monitoring job can alert on it.
import { disconnectDb } from "@/lib/db";
import { walkAuditChain, type BrokenLink } from "@/lib/services/audit/verify-audit-chain";

function describe(link: BrokenLink): string {
  switch (link.reason) {
    case "checkpoint_forged":
      return `the checkpoint at place ${link.seq} does not carry a valid signature (was ENCRYPTION_KEY changed without listing the old one in ENCRYPTION_KEYS_PREVIOUS?)`;
    case "event_altered":
      return `event ${link.eventId} (place ${link.seq}) was changed after it was sealed`;
    case "events_missing":
      return `events are missing before event ${link.eventId}: expected place ${link.expectedSeq}, found ${link.seq}`;
  }
}

async function main() {
  const report = await walkAuditChain();
  const start = report.checkpointSeq ? `from the checkpoint at place ${report.checkpointSeq}` : "from the first event";
  if (report.brokenAt) {
    console.error(`The audit chain is broken: ${describe(report.brokenAt)}. ${report.checked} events verified ${start} before it.`);
  } else {
    console.log(`The audit chain is intact: ${report.checked} events verified ${start}.`);
    console.log(`Head: place ${report.head.seq}, hash ${report.head.hash} (keep it elsewhere to detect removal of the newest events).`);
  }
  if (report.unsealed > 0) console.log(`${report.unsealed} events committed during the check are not sealed yet.`);
  await disconnectDb();
  if (report.brokenAt) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
