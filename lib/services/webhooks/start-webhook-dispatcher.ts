import "server-only";
import { logger } from "@/lib/logger";
import { deliverDueWebhooks, type DispatchOptions } from "@/lib/services/webhooks/deliver-due-webhooks";

/** How long a new delivery may wait before its first attempt. */
const intervalMs = 2_000;
const started = Symbol.for("usermanager.webhookDispatcher");
const shutdownHooks = Symbol.for("usermanager.shutdownHooks");
const global = globalThis as { [started]?: WebhookDispatcher; [shutdownHooks]?: Array<() => Promise<void>> };

export type WebhookDispatcher = { stop: () => Promise<void> };

/**
 * Sends due webhook deliveries every few seconds. Passes never overlap in one process,
 * and any number of processes may run it: claims keep them from sending a delivery twice.
 * A database outage is logged once, when it begins.
 */
export function createWebhookDispatcher(options: DispatchOptions & { intervalMs?: number } = {}): WebhookDispatcher {
  let failing = false;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const pass = () => {
    if (busy) return;
    busy = true;
    running = deliverDueWebhooks(options)
      .then(
        () => {
          if (failing) logger.info("webhooks are being delivered again");
          failing = false;
        },
        (error: unknown) => {
          if (!failing) logger.warn({ err: error }, "could not deliver webhooks; trying again");
          failing = true;
        },
      )
      .finally(() => (busy = false));
  };
  const timer = setInterval(pass, options.intervalMs ?? intervalMs);
  // The process may exit while the timer waits; graceful shutdown stops it before the pool closes.
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/** Starts the server process's dispatcher once, and stops it on graceful shutdown (as the audit sealer). */
export function startWebhookDispatcher(): void {
  if (global[started]) return;
  const dispatcher = createWebhookDispatcher();
  global[started] = dispatcher;
  global[shutdownHooks]?.unshift(dispatcher.stop);
}
