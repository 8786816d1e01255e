import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // The service layer is the only door to the database.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/generated/prisma/client", "@prisma/client", "**/generated/prisma/client"],
              message: "Only lib/services/** talks to the database; call a service instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/services/**", "lib/db.ts", "tests/**", "**/*.test.ts", "scripts/**", "prisma/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The server entry runs as plain CommonJS beside Next.js's own server.js, unbundled.
    files: ["docker/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
