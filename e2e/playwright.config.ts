import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when installed (machines that cannot download browsers), else Playwright's own.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

export default defineConfig({
  testDir: ".",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // Servers with settings of their own, one per setting set, shared by the specs (e2e/variants.ts).
  globalSetup: "./global-setup.ts",
  retries: 0,
  // npm test prints the slowest spec files from the JSON report (scripts/test.ts).
  reporter: [["list"], ["json", { outputFile: "../test-results/e2e.json" }]],
  // Journeys through several pages take 20–40 s on the shared 2-core CI machine; a hang still fails,
  // a slow but correct journey does not.
  timeout: 90_000,
  // The fuzzing suite runs after the other specs, on a server no longer busy with them:
  // it asserts how fast every answer comes.
  projects: [
    { name: "e2e", testIgnore: /fuzz\.spec\.ts$/ },
    { name: "fuzz", testMatch: /fuzz\.spec\.ts$/, dependencies: ["e2e"] },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
