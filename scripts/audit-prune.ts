// `npm run audit:prune`: removes audit events older than AUDIT_RETENTION_DAYS and records
// that it ran. Run it daily from cron (or a Kubernetes CronJob) with the app's settings
// plus AUDIT_PRUNE_KEY, which only this job may hold (docs/security.md, "Tamper evidence").
//
//   --new-key   print a new key pair for AUDIT_PRUNE_KEY and AUDIT_PRUNE_PUBLIC_KEY, and nothing else
import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { newPruneKeyPair } from "@/lib/services/audit/checkpoint-signature";
import { pruneAuditEvents } from "@/lib/services/audit/prune-audit-events";

function printNewKey() {
  const { privateKey, publicKey } = newPruneKeyPair();
  console.log("# For the pruning job's environment only (never the server's):");
  console.log(`AUDIT_PRUNE_KEY=${privateKey}`);
  console.log("# For the server and the pruning job (add it to the list, comma-separated, when replacing a key):");
  console.log(`AUDIT_PRUNE_PUBLIC_KEY=${publicKey}`);
}

async function main() {
  const { values } = parseArgs({ options: { "new-key": { type: "boolean" } } });
  if (values["new-key"]) return printNewKey();
  const result = await pruneAuditEvents();
  console.log(
    result.cutoff
      ? `Removed ${result.deleted} audit events from before ${result.cutoff} (kept ${result.retentionDays} days).`
      : "AUDIT_RETENTION_DAYS is 0: every audit event is kept.",
  );
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
