import "server-only";
import { after } from "next/server";
import { logger } from "@/lib/logger";

// Work started outside a request, tracked so that tests and scripts can wait for it.
const detached = new Set<Promise<void>>();

/**
 * Runs `task` once the response has been sent (Next.js's `after`), so neither its time
 * nor its outcome shows in the answer. Outside a request (tests, scripts) there is no
 * response to wait for, so it starts at once, detached. A failure is logged: the caller
 * has already answered.
 */
export function afterResponse(task: () => Promise<unknown>): void {
  const run = () =>
    task().then(
      () => undefined,
      (error: unknown) => logger.error({ err: error }, "work after the response failed"),
    );
  try {
    after(run);
  } catch {
    // `after` throws outside a request scope.
    const started = run().finally(() => detached.delete(started));
    detached.add(started);
  }
}

/** Waits for work that afterResponse started outside a request. */
export async function settleWorkAfterResponse(): Promise<void> {
  while (detached.size > 0) await Promise.all(detached);
}
