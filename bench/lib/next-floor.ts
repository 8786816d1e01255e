import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { freePort } from "@/scripts/lib/free-port";
import { startStandaloneServer, type RunningServer } from "@/scripts/lib/standalone-server";

const floorDir = path.resolve("bench/next-floor");
// The standalone output keeps the path from the tracing root (the repository) to the app.
const entry = path.join(floorDir, ".next/standalone/bench/next-floor/server.js");
const sources = [path.join(floorDir, "app"), path.join(floorDir, "next.config.mjs"), path.resolve("bench/lib/first-page-sql.mjs")];

const newestChange = (file: string): number =>
  statSync(file).isDirectory()
    ? Math.max(0, ...readdirSync(file).map((name) => newestChange(path.join(file, name))))
    : statSync(file).mtimeMs;

/** Builds the bare Next.js app with the repository's own `next` unless its build is newer than its sources. */
function buildFloor() {
  if (existsSync(entry) && statSync(entry).mtimeMs > Math.max(...sources.map(newestChange))) return;
  console.log("Building the Next.js floor (bench/next-floor)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", floorDir], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`Building the Next.js floor failed with ${build.status}.`);
}

/**
 * The Next.js floor: a bare app of the same Next.js version, standalone build, started
 * with the app's environment and heap settings, whose routes do only what the framework
 * and `pg` need (/empty, /first-page, /search).
 */
export async function startNextFloor(databaseUrl: string): Promise<RunningServer> {
  buildFloor();
  return startStandaloneServer({ DATABASE_URL: databaseUrl }, await freePort(), { entry, readyPath: "/empty" });
}
