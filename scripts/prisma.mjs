#!/usr/bin/env node
/**
 * The Prisma CLI in air-gapped mode: `npm run prisma -- <command>`, e.g.
 * `npm run prisma -- migrate dev --name add-x`. Unless PRISMA_SCHEMA_ENGINE_BINARY is
 * already set, the CLI is pointed at prisma/schema-engine, which runs Prisma's
 * WebAssembly schema engine, so no native engine is downloaded.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "prisma/schema-engine/schema-engine.mjs"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const cli = path.join(root, "node_modules/prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(result.status ?? 1);
