import { describe, expect, it } from "vitest";
import { playwrightFileTimes, slowest, vitestFileTimes } from "@/scripts/lib/test-timings";

const root = "/repo";
const result = (duration: number) => ({ duration });

describe("the slowest test files", () => {
  it("names a vitest file from the repository's root", () => {
    const report = [{ file: "/repo/tests/a.test.ts", ms: 3_500 }];
    expect(vitestFileTimes(report, root)).toEqual([{ runner: "vitest", file: "tests/a.test.ts", ms: 3_500 }]);
  });

  it("adds up a Playwright file's tests, describe blocks and repeats included", () => {
    const report = {
      config: { rootDir: "/repo/e2e" },
      suites: [
        {
          file: "a.spec.ts",
          specs: [{ tests: [{ results: [result(100), result(200)] }] }],
          suites: [{ file: "a.spec.ts", specs: [{ tests: [{ results: [result(50)] }] }] }],
        },
        { file: "b.spec.ts", specs: [{ tests: [{ results: [result(1_000)] }] }] },
      ],
    };
    expect(playwrightFileTimes(report, root, "e2e")).toEqual([
      { runner: "e2e", file: "e2e/a.spec.ts", ms: 350 },
      { runner: "e2e", file: "e2e/b.spec.ts", ms: 1_000 },
    ]);
  });

  it("ranks the slowest first and keeps as many as asked", () => {
    const times = [10, 30, 20].map((ms) => ({ runner: "vitest", file: `${ms}.test.ts`, ms }));
    expect(slowest(times, 2).map((time) => time.ms)).toEqual([30, 20]);
  });
});
