import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// The embedded database serves one connection at a time, so test files take turns on it.
const embeddedDatabase = !process.env.TEST_DATABASE_URL;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` refuses to load outside React Server Components; tests are server code.
      { find: /^server-only$/, replacement: path.join(root, "tests/support/empty-module.ts") },
    ],
  },
  test: {
    fileParallelism: !embeddedDatabase,
    // Vitest's default in a run is one worker fewer than the cores: a single one on a 2-core
    // machine, idle while its file waits on PostgreSQL. The files wait on the database more
    // than they compute, so at least two run at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // next-auth imports "next/server" without the extension Node's ESM resolver needs; Vite resolves it.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // `npm test` prints the slowest test files from what this reporter writes (scripts/test.ts).
    reporters: ["default", "./tests/support/file-times-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup.ts"],
        },
      },
      // The schema-engine program under prisma/ is tooling: its tests drive the Prisma CLI in
      // child processes, on databases of their own, and have a command of their own
      // (`npm run test:tools`), so the unit suite does not wait for them. `npm test` runs both.
      { extends: true, test: { name: "tools", include: ["prisma/schema-engine/**/*.test.ts"] } },
    ],
  },
});
