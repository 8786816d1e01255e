import { readdirSync, readFileSync } from "node:fs";

/**
 * The state letter and process group of a process from /proc (Linux), or undefined when
 * there is no such process. The command name in field 2 may hold spaces and parentheses,
 * so the fields are counted from its closing parenthesis.
 */
function procStat(pid: number): { state: string; pgid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, , pgid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: state ?? "", pgid: Number(pgid) };
  } catch {
    return undefined;
  }
}

const hasProc = (() => {
  try {
    readdirSync("/proc/self");
    return true;
  } catch {
    return false;
  }
})();

/**
 * Whether a process runs. A zombie (killed, not yet reaped by its parent) does not: it
 * holds no files, ports or locks, yet `kill(pid, 0)` still finds it.
 */
export function isProcessRunning(pid: number): boolean {
  if (hasProc) {
    const stat = procStat(pid);
    return stat !== undefined && stat.state !== "Z";
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether any process of a process group still runs (zombies aside, as above). */
export function isProcessGroupRunning(pgid: number): boolean {
  if (hasProc) {
    return readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .some((entry) => {
        const stat = procStat(Number(entry));
        return stat !== undefined && stat.pgid === pgid && stat.state !== "Z";
      });
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Waits until every process of a group has exited; false when the time ran out first. */
export async function waitForProcessGroupExit(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessGroupRunning(pgid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
