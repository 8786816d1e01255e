import "server-only";
import { recurringTask, startOncePerProcess } from "@/lib/recurring-task";
import { sealAuditEvents } from "@/lib/services/audit/seal-audit-events";

/**
 * Seals new audit events every few seconds (how long an event may wait for its place in
 * the hash chain), in the server process. Several instances may run it: one advisory
 * lock lets one of them append at a time.
 */
export function startAuditSealer(): void {
  startOncePerProcess("auditSealer", () => recurringTask({ does: "seal audit events", intervalMs: 5_000, run: sealAuditEvents }));
}
