// `npm run audit:prune`: removes audit events older than AUDIT_RETENTION_DAYS and records
// that it ran. Run it daily from cron (or a Kubernetes CronJob) with the app's settings.
import { disconnectDb } from "@/lib/db";
import { pruneAuditEvents } from "@/lib/services/audit/prune-audit-events";

async function main() {
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
