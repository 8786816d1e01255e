import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { isProcessRunning } from "./processes";

// proper-lockfile, which @prisma/dev locks with, calls a lock stale after 10 s unrefreshed;
// a live server refreshes it every 5 s.
const lockStaleMs = 10_000;
// A run stopped with Ctrl+C closes its database before it exits; on a busy machine that
// takes a few seconds, and a restart meanwhile should wait rather than fail.
const waitForPreviousRunMs = 30_000;

function recordedPid(stateDir: string): number | undefined {
  try {
    const { pid } = JSON.parse(readFileSync(path.join(stateDir, "server.json"), "utf8")) as { pid?: unknown };
    return typeof pid === "number" ? pid : undefined;
  } catch {
    return undefined;
  }
}

function lockAgeMs(lockDir: string): number | undefined {
  try {
    return Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * @prisma/dev records a running server in `<stateDir>/server.json` (its process id) and
 * holds the lock directory `<stateDir>/.lock`. A run that was killed (SIGKILL, a closed
 * terminal, out of memory, a power cut) leaves both behind, and the next start refuses
 * with "A Prisma Dev server … is already running". When the recorded process is gone
 * the lock is removed; the data in `.pglite` is not touched. A live previous run is
 * waited for, since it may just be closing after Ctrl+C.
 */
export async function clearStaleServerState(stateDir: string): Promise<void> {
  const lockDir = path.join(stateDir, ".lock");
  const deadline = Date.now() + waitForPreviousRunMs;
  for (;;) {
    const age = lockAgeMs(lockDir);
    if (age === undefined) return;
    const pid = recordedPid(stateDir);
    // The same id as ours is a previous run's, reused after a container restart.
    const ownerGone = pid !== undefined && (pid === process.pid || !isProcessRunning(pid));
    if (ownerGone || age > lockStaleMs) {
      rmSync(lockDir, { recursive: true, force: true });
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another run (process ${pid ?? "unknown"}) is using the embedded database in ${path.dirname(path.dirname(stateDir))}; stop it first.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
