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
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
    fileParallelism: !embeddedDatabase,
    // next-auth imports "next/server" without the extension Node's ESM resolver needs; Vite resolves it.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
