import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const database = {
  group: ["@/lib/db", "@/lib/generated/prisma/client", "@prisma/client", "**/generated/prisma/client"],
  message: "Only lib/services/** talks to the database; call a service instead.",
};
const forbid = (folders, message, allowTypeImports = false) => ({
  group: folders.map((folder) => `@/${folder}/**`).concat(folders.map((folder) => `@/${folder}`)),
  message,
  allowTypeImports,
});
const entryGlue = ["lib/http", "lib/actions", "lib/session", "lib/server", "lib/oidc"];

/** The folders of each layer, and what each may not import: everything above it. */
function layerRules() {
  const rule = (files, patterns) => ({ files, rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] } });
  return [
    rule(["app/**"], [database]),
    rule(
      ["components/**"],
      [
        database,
        forbid(["app"], "Components hold UI only: a page passes them its data and actions."),
        forbid([...entryGlue], "Components hold UI only: a page passes them its data and actions."),
        // Types describing what a service answers are fine; calling one is the page's business.
        forbid(["lib/services"], "Components hold UI only: the page calls the service and passes the data.", true),
      ],
    ),
    rule(
      entryGlue.map((folder) => `${folder}/**`),
      [database, forbid(["app", "components"], "Entry-point glue serves app/; it never reaches up into pages or components.")],
    ),
    rule(
      ["lib/services/**"],
      [forbid(["app", "components", ...entryGlue, "lib/openapi"], "Services know nothing of HTTP, forms, sessions or pages.")],
    ),
    rule(
      ["lib/auth/**", "lib/schemas/**", "lib/scim/**", "lib/audit/**", "lib/mail/**", "lib/openapi/**", "lib/*.ts"],
      [
        database,
        forbid(
          ["app", "components", ...entryGlue, "lib/services"],
          "This folder is below the services: policy, schemas and shared vocabulary, imported by the layers above.",
        ),
      ],
    ),
  ];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "bench/next-floor/.next/**",
    "lib/generated/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  // One layer per folder, imports running one way (docs/architecture.md, "Layers"):
  // app → components → lib/{http,actions,session,server} → lib/services → the rest of lib.
  ...layerRules(),
  {
    // The server entry runs as plain CommonJS beside Next.js's own server.js, unbundled.
    files: ["docker/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests, tools and the database module itself reach every layer.
    files: ["lib/db.ts", "tests/**", "**/*.test.ts", "scripts/**", "prisma/**", "bench/**", "e2e/**", "ops/**"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
]);
