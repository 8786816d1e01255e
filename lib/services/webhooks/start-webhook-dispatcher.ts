import "server-only";
import { recurringTask, startOncePerProcess, type RecurringTask } from "@/lib/recurring-task";
import { deliverDueWebhooks, type DispatchOptions } from "@/lib/services/webhooks/deliver-due-webhooks";

/**
 * Sends due webhook deliveries every few seconds (how long a new delivery may wait for
 * its first attempt). Any number of processes may run it: claims keep them from sending
 * a delivery twice.
 */
export function createWebhookDispatcher(options: DispatchOptions & { intervalMs?: number } = {}): RecurringTask {
  return recurringTask({ does: "deliver webhooks", intervalMs: options.intervalMs ?? 2_000, run: () => deliverDueWebhooks(options) });
}

/** Starts the server process's dispatcher once, and stops it on graceful shutdown. */
export function startWebhookDispatcher(): void {
  startOncePerProcess("webhookDispatcher", () => createWebhookDispatcher());
}
