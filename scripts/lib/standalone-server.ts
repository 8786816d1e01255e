import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const standaloneDir = path.resolve(".next/standalone");

/**
 * Lays out the standalone build exactly as the Dockerfile does: the server does not
 * serve `.next/static` or `public` unless they are copied beside it, and it starts
 * through the entry in docker/ that records each request's socket peer.
 */
export function prepareStandaloneBuild(): string {
  if (!existsSync(path.join(standaloneDir, "server.js"))) throw new Error("No standalone build: run `next build` first.");
  // Test workers start servers side by side; copying over files another worker is
  // starting from fails (ENOENT mid-copy), so each build is laid out once and marked.
  const buildId = readFileSync(".next/BUILD_ID", "utf8");
  const marker = path.join(standaloneDir, ".laid-out");
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== buildId) {
    cpSync(".next/static", path.join(standaloneDir, ".next/static"), { recursive: true });
    if (existsSync("public")) cpSync("public", path.join(standaloneDir, "public"), { recursive: true });
    writeFileSync(marker, buildId);
  }
  for (const file of ["server.cjs", "socket-peer.cjs", "graceful-shutdown.cjs"])
    copyIfChanged(path.join("docker", file), path.join(standaloneDir, file));
  return path.join(standaloneDir, "server.cjs");
}

function copyIfChanged(from: string, to: string) {
  if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) return;
  cpSync(from, to);
}

export type RunningServer = { url: string; process: ChildProcess; output: () => string; stop(): Promise<void> };

type StartOptions = {
  /** Another standalone build's entry (the benchmark's bare Next.js app); the app's own by default. */
  entry?: string;
  /** The path that answers 200 once the server is up. */
  readyPath?: string;
  /** Node.js options before the entry, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
};

/** Starts the standalone server as the image does, with the given environment, and waits until it answers. */
export async function startStandaloneServer(
  env: Record<string, string>,
  port: number,
  { entry, readyPath = "/api/v1/health", nodeArgs = [] }: StartOptions = {},
): Promise<RunningServer> {
  const server = entry ?? prepareStandaloneBuild();
  const child = spawn(process.execPath, [...nodeArgs, server], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      // Node closes idle keep-alive sockets after 5 s; a client that reuses one at that
      // moment gets ECONNRESET. Test clients keep sockets longer, so the server must too.
      KEEP_ALIVE_TIMEOUT: "65000",
      // The image's heap settings (Dockerfile).
      NODE_OPTIONS: "--max-old-space-size=320 --max-semi-space-size=8",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Only a server that came up and was then in use is worth a report: one that refuses to
  // start (a spec checks the message of a bad configuration) is answered below.
  let ready = false;
  let stopping = false;
  // A server that dies under the tests fails every test after it; what it printed last says why.
  child.once("exit", (code, signal) => {
    if (stopping || !ready) return;
    console.error(
      `\nThe server on port ${port} exited (${signal ?? `code ${code}`}) while in use; its last output:\n${output.slice(-4000)}`,
    );
  });

  const url = `http://127.0.0.1:${port}`;
  // The server shuts down gracefully on SIGTERM and lets requests in flight finish for
  // SHUTDOWN_GRACE_SECONDS; a test should not wait that long, so it gets 5 s.
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const forceKill = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(forceKill);
        resolve();
      });
      child.kill("SIGTERM");
    });

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}${readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) {
      ready = true;
      return { url, process: child, output: () => output, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server did not answer within 60 s:\n${output}`);
}
