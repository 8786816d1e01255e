import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Writes each test file's whole time (its imports, set-up, hooks and tests) to
 * test-results/vitest.json, from which `npm test` prints the slowest files. Vitest's own
 * JSON report counts only the span of the tests, not the hooks that seed their data.
 */
export default class FileTimesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const times = testModules.map((module) => {
      const { prepareDuration, setupDuration, collectDuration, duration } = module.diagnostic();
      return { file: module.moduleId, ms: prepareDuration + setupDuration + collectDuration + duration };
    });
    mkdirSync("test-results", { recursive: true });
    writeFileSync(path.join("test-results", "vitest.json"), JSON.stringify(times));
  }
}
