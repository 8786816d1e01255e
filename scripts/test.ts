/**
 * `npm test`: every check, in order, stopping at the first that fails. It prints the time
 * each stage took and the ten slowest test files of the run, so that a slow test shows
 * the day it lands rather than as a raised timeout later. With STAGE_TIMES_FILE set
 * (.ci/run sets it), each stage's time is also appended there as "name<TAB>seconds".
 */
import { appendFileSync, rmSync } from "node:fs";
import path from "node:path";
import { run } from "./lib/run";
import { readFileTimes, slowest } from "./lib/test-timings";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const tsx = (script: string) => [bin("tsx"), ["--conditions=react-server", script]] as const;

const stages: [name: string, command: string, args: readonly string[], env?: Record<string, string>][] = [
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["lint", "npm", ["run", "--silent", "lint"]],
  ["format", "npm", ["run", "--silent", "format:check"]],
  // Both vitest projects in one run, so the tool tests fill the gaps the unit tests leave.
  ["unit + tools", bin("vitest"), ["run"]],
  // The typecheck stage has checked the same files; this build need not (next.config.js).
  ["build", bin("next"), ["build"], { BUILD_SKIP_TYPECHECK: "1" }],
  ["e2e", ...tsx("scripts/e2e.ts")],
  ["ops", ...tsx("scripts/ops-tests.ts")],
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  for (const report of ["vitest.json", "e2e.json", "ops.json"]) rmSync(path.join("test-results", report), { force: true });
  const times: [string, number][] = [];
  try {
    for (const [name, command, args, env] of stages) {
      console.log(`\n--- ${name}`);
      const started = Date.now();
      try {
        await run(command, [...args], { env: { ...process.env, ...env } });
      } finally {
        const ms = Date.now() - started;
        times.push([name, ms]);
        if (process.env.STAGE_TIMES_FILE) appendFileSync(process.env.STAGE_TIMES_FILE, `${name}\t${Math.round(ms / 1000)}\n`);
      }
    }
  } finally {
    console.log("\n--- time per stage");
    for (const [name, ms] of times) console.log(`${name.padEnd(14)} ${seconds(ms).padStart(9)}`);
    const files = slowest(readFileTimes(process.cwd()), 10);
    if (files.length > 0) {
      console.log("\n--- the ten slowest test files");
      for (const { runner, file, ms } of files) console.log(`${seconds(ms).padStart(9)}  ${runner.padEnd(6)} ${file}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
