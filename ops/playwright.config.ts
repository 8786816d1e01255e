import { defineConfig } from "@playwright/test";
import e2e from "../e2e/playwright.config";

// Each spec starts servers, clusters and proxies of its own: one at a time, with room
// for a busy machine. Mostly HTTP; where a page is looked at, the e2e browser does it.
export default defineConfig({
  use: { ...e2e.use, baseURL: undefined },
  testDir: ".",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "../test-results/ops.json" }]],
  timeout: 240_000,
  expect: { timeout: 20_000 },
});
