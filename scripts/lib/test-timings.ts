import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type FileTime = { runner: string; file: string; ms: number };

type VitestReport = { file: string; ms: number }[];
type PlaywrightSuite = {
  file: string;
  specs: { tests: { results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = { config: { rootDir: string }; suites: PlaywrightSuite[] };

/** Each vitest file's time, as tests/support/file-times-reporter.ts wrote it. */
export function vitestFileTimes(report: VitestReport, root: string): FileTime[] {
  return report.map(({ file, ms }) => ({ runner: "vitest", file: path.relative(root, file), ms }));
}

/** Each Playwright spec file's time: its tests' durations summed (hooks count in the test they ran for). */
export function playwrightFileTimes(report: PlaywrightReport, root: string, runner: string): FileTime[] {
  const totals = new Map<string, number>();
  const add = (suite: PlaywrightSuite) => {
    const ms = suite.specs.flatMap((spec) => spec.tests.flatMap((test) => test.results)).reduce((sum, result) => sum + result.duration, 0);
    const file = path.relative(root, path.resolve(report.config.rootDir, suite.file));
    totals.set(file, (totals.get(file) ?? 0) + ms);
    suite.suites?.forEach(add);
  };
  report.suites.forEach(add);
  return [...totals].map(([file, ms]) => ({ runner, file, ms }));
}

export const slowest = (times: FileTime[], count: number) => [...times].sort((a, b) => b.ms - a.ms).slice(0, count);

/** The reports the test runners wrote under test-results/ (see their configurations); missing ones are skipped. */
export function readFileTimes(root: string): FileTime[] {
  const read = <T>(name: string): T | undefined => {
    const file = path.join(root, "test-results", name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
  };
  const vitest = read<VitestReport>("vitest.json");
  const e2e = read<PlaywrightReport>("e2e.json");
  const ops = read<PlaywrightReport>("ops.json");
  return [
    ...(vitest ? vitestFileTimes(vitest, root) : []),
    ...(e2e ? playwrightFileTimes(e2e, root, "e2e") : []),
    ...(ops ? playwrightFileTimes(ops, root, "ops") : []),
  ];
}
