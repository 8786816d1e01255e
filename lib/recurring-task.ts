import { logger } from "@/lib/logger";

export type RecurringTask = { stop: () => Promise<void> };

type TaskOptions = {
  /** What the task does, for the log: "seal audit events". */
  does: string;
  intervalMs: number;
  run: () => Promise<unknown>;
};

/**
 * Runs a task every few seconds in the server process. Passes never overlap (a slow pass
 * makes the next wait), a failure is logged once when it begins and once when it ends,
 * not at every pass, and `stop` waits for the pass in flight. The timer does not keep the
 * process alive; graceful shutdown stops the task before the database pool closes.
 */
export function recurringTask({ does, intervalMs, run }: TaskOptions): RecurringTask {
  let failing = false;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const pass = () => {
    if (busy) return;
    busy = true;
    running = run()
      .then(
        () => {
          if (failing) logger.info(`back to work: ${does}`);
          failing = false;
        },
        (error: unknown) => {
          if (!failing) logger.warn({ err: error }, `could not ${does}; trying again every ${intervalMs / 1000} s`);
          failing = true;
        },
      )
      .finally(() => (busy = false));
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

const shutdownHooks = Symbol.for("usermanager.shutdownHooks");
const global = globalThis as { [key: symbol]: unknown; [shutdownHooks]?: Array<() => Promise<void>> };

/**
 * Starts a task once per process, however many server chunks load this module, and stops
 * it on graceful shutdown (docker/graceful-shutdown.cjs runs the hooks) before the pool
 * closes: hooks added first run first.
 */
export function startOncePerProcess(name: string, start: () => RecurringTask): void {
  const key = Symbol.for(`usermanager.${name}`);
  if (global[key]) return;
  const task = start();
  global[key] = task;
  global[shutdownHooks]?.unshift(task.stop);
}
