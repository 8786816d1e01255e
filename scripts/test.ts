/**
 * `npm test`: every check, in order, stopping at the first that fails. It prints the time
 * each stage took and the ten slowest test files of the run, so that a slow test shows
 * the day it lands rather than as a raised timeout later. With STAGE_TIMES_FILE set
 * (.ci/run sets it), each stage's time is also appended there as "name<TAB>seconds".
 */
import { appendFileSync, rmSync } from "node:fs";
import path from "node:path";
import { run, runHeldBack } from "./lib/run";
import { readFileTimes, slowest } from "./lib/test-timings";

const bin = (name: string) => path.resolve("node_modules/.bin", name);

type Step = { name: string; command: string; args: readonly string[]; env?: Record<string, string> };
const npmScript = (name: string, script = name): Step => ({ name, command: "npm", args: ["run", "--silent", script] });
const tsx = (name: string, script: string): Step => ({ name, command: bin("tsx"), args: ["--conditions=react-server", script] });

/** Each group's steps run side by side; the groups run one after another. */
const groups: Step[][] = [
  // Three single-threaded checks that share nothing they write: side by side on two cores
  // they take about as long as the slowest, where in a row they took the sum.
  [npmScript("typecheck"), npmScript("lint"), npmScript("format", "format:check")],
  // Both vitest projects in one run, so the tool tests fill the gaps the unit tests leave.
  [{ name: "unit + tools", command: bin("vitest"), args: ["run"] }],
  // The typecheck stage has checked the same files; this build need not (next.config.js).
  [{ name: "build", command: bin("next"), args: ["build"], env: { BUILD_SKIP_TYPECHECK: "1" } }],
  [tsx("e2e", "scripts/e2e.ts")],
  [tsx("ops", "scripts/ops-tests.ts")],
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  for (const report of ["vitest.json", "e2e.json", "ops.json"]) rmSync(path.join("test-results", report), { force: true });
  const times: [string, number][] = [];
  try {
    for (const group of groups) {
      console.log(`\n--- ${group.map(({ name }) => name).join(", ")}`);
      const outcomes = await Promise.allSettled(
        group.map(async ({ name, command, args, env }) => {
          const started = Date.now();
          const options = { env: { ...process.env, ...env } };
          try {
            await (group.length === 1 ? run(command, [...args], options) : runHeldBack(name, command, [...args], options));
          } finally {
            const ms = Date.now() - started;
            times.push([name, ms]);
            if (process.env.STAGE_TIMES_FILE) appendFileSync(process.env.STAGE_TIMES_FILE, `${name}\t${Math.round(ms / 1000)}\n`);
          }
        }),
      );
      const failed = outcomes.find((outcome) => outcome.status === "rejected");
      if (failed) throw failed.reason;
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
