import { spawn } from "node:child_process";
import { waitForProcessGroupExit } from "./processes";

export type DevRun = {
  output(): string;
  /** Ctrl+C, as in a terminal: SIGINT to the whole process group, then waits for all of it. */
  stop(): Promise<void>;
  /** A crash: SIGKILL to the whole process group, then waits for all of it. */
  kill(): Promise<void>;
};

const exitTimeoutMs = 60_000;

/**
 * Starts `npm run dev` in a process group of its own, as a terminal does, and waits until
 * it prints where to sign in. `npm` exits before its grandchildren (the dev launcher, the
 * embedded database, Next.js) have closed, so stopping waits for the group, not for npm.
 */
export async function startDevRun(dataDir: string, port: number, env: Record<string, string> = {}): Promise<DevRun> {
  const child = spawn("npm", ["run", "dev"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "", ADMIN_PASSWORD: "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pgid = child.pid!;
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const signalGroup = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // The group has already gone.
    }
    if (await waitForProcessGroupExit(pgid, exitTimeoutMs)) return;
    process.kill(-pgid, "SIGKILL");
    throw new Error(`npm run dev did not exit within ${exitTimeoutMs / 1000} s of ${signal}:\n${output}`);
  };
  const run: DevRun = { output: () => output, stop: () => signalGroup("SIGINT"), kill: () => signalGroup("SIGKILL") };

  const deadline = Date.now() + 180_000;
  while (!output.includes("Data is kept in")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await run.kill();
      throw new Error(`npm run dev did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return run;
}
