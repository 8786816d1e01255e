import "server-only";
import { logger } from "@/lib/logger";
import { sealAuditEvents } from "@/lib/services/audit/seal-audit-events";

/** How long an event may wait for its place in the hash chain. */
const intervalMs = 5_000;
const started = Symbol.for("usermanager.auditSealer");
const shutdownHooks = Symbol.for("usermanager.shutdownHooks");
const global = globalThis as { [started]?: NodeJS.Timeout; [shutdownHooks]?: Array<() => Promise<void>> };

/**
 * Seals new audit events every few seconds, in the server process. Several instances
 * may run it: one advisory lock lets one of them append at a time. A database outage
 * is logged once, when it begins, not every five seconds.
 */
export function startAuditSealer(): void {
  if (global[started]) return;
  let failing = false;
  const pass = () =>
    sealAuditEvents().then(
      () => {
        if (failing) logger.info("audit events are being sealed again");
        failing = false;
      },
      (error: unknown) => {
        if (!failing) logger.warn({ err: error }, "could not seal audit events; trying again every 5 s");
        failing = true;
      },
    );
  const timer = setInterval(pass, intervalMs);
  // The process may exit while the timer waits; graceful shutdown stops it before the pool closes.
  timer.unref();
  global[started] = timer;
  global[shutdownHooks]?.unshift(async () => clearInterval(timer));
}
