import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "@/scripts/lib/free-port";

const run = promisify(execFile);
const bin = process.env.POSTGRES_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
// PostgreSQL refuses to run as root; as root, the cluster runs as the postgres user.
const asRoot = process.getuid?.() === 0;

function postgresCommand(command: string, args: string[]) {
  const program = path.join(bin, command);
  return asRoot ? run("runuser", ["-u", "postgres", "--", program, ...args]) : run(program, args);
}

export type PostgresCluster = {
  port: number;
  /** The connection URL of a database on this cluster. */
  url(database?: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
};

/**
 * A throwaway PostgreSQL cluster of its own (initdb, pg_ctl) on a free port in a temporary
 * folder, for tests that stop and start the database. Never the shared server.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "usermanager-pg-"));
  if (asRoot) chownSync(folder, Number((await run("id", ["-u", "postgres"])).stdout), Number((await run("id", ["-g", "postgres"])).stdout));
  const dataDir = path.join(folder, "data");
  const port = await freePort();
  await postgresCommand("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const cluster: PostgresCluster = {
    port,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    // "fast" is what a service stop does: sessions are ended (57P01) and the data is checkpointed.
    stop: async () => void (await postgresCommand("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"])),
    start: async () =>
      void (await postgresCommand("pg_ctl", ["-D", dataDir, "-l", path.join(folder, "log"), "-o", options, "-w", "-t", "120", "start"])),
    destroy: async () => {
      await cluster.stop().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
