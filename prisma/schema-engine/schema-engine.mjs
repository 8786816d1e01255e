#!/usr/bin/env node
// A drop-in replacement for Prisma's native `schema-engine` binary, backed by
// @prisma/schema-engine-wasm and @prisma/adapter-pg, for machines where the CLI
// cannot download the native binary (PostgreSQL only). Point the CLI at it with
//   PRISMA_SCHEMA_ENGINE_BINARY=prisma/schema-engine/schema-engine.mjs
// Connection settings arrive from prisma.config.ts (DATABASE_URL, and optionally
// SHADOW_DATABASE_URL; without it, migrate dev/diff create and drop a temporary
// shadow database on the main server). The CLI starts this program in one of three ways:
//   --version                                          print the engine version
//   --datasource <json> cli <can-connect-to-database|create-database>
//   [--datamodels <path>]... --datasource <json>       JSON-RPC server on stdin/stdout

import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { asPanic, engineVersion, startEngine } from "./engine.mjs";
import { describeConnectionError } from "./errors.mjs";
import { createDatabase, withClient } from "./connection.mjs";
import { captureProcessWarnings, log, writeRecord } from "./log.mjs";
import { abortCurrent, callCli, serve } from "./rpc.mjs";

// Cleanup (closing pools, dropping leftover shadow databases) gets this long after
// the CLI asks the engine to stop; then the process exits regardless.
const SHUTDOWN_GRACE_MS = 10_000;

captureProcessWarnings();
process.on("unhandledRejection", (err) => fail(err));
process.on("uncaughtException", (err) => {
  // Exceptions from async wasm code (panics, params the engine cannot deserialize)
  // are thrown outside any promise chain: answer the request they interrupted.
  if (!abortCurrent(asPanic(err) ?? err)) fail(err);
});

const { values, positionals } = parseArgs({
  options: {
    version: { type: "boolean", short: "V" },
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    // Accepted for compatibility with the native engine; the wasm engine has no use for them.
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
  allowPositionals: true,
  strict: false,
});

/** @type {{ url?: string, shadowDatabaseUrl?: string }} */
let datasource = {};
let url = "";

try {
  datasource = typeof values.datasource === "string" ? JSON.parse(values.datasource) : {};
  url = datasource.url ?? "";
  if (values.version) {
    process.stdout.write(`schema-engine-cli ${await engineVersion()} (wasm)\n`);
  } else if (positionals[0] === "cli") {
    process.exitCode = await runCliCommand(String(positionals[1]));
  } else {
    await runServer();
  }
} catch (err) {
  fail(err);
}

/**
 * Startup failures: the CLI reports the message of the last ERROR record when the
 * engine exits with status 1.
 * @param {unknown} err
 */
function fail(err) {
  log("ERROR", `schema engine failed: ${/** @type {Error} */ (err)?.message ?? err}`, { stack: /** @type {Error} */ (err)?.stack });
  process.exit(1);
}

/**
 * The one-shot commands the CLI runs before migrate commands. The CLI skips the first
 * stderr line and looks for an ERROR record carrying `error_code`.
 * @param {string} command
 */
async function runCliCommand(command) {
  log("INFO", `Starting schema engine CLI command ${command}`);
  try {
    if (command === "can-connect-to-database") {
      await withClient(url, (c) => c.query("SELECT 1"));
    } else if (command === "create-database") {
      const name = await createDatabase(url);
      log("INFO", `Database '${name}' was successfully created.`);
    } else {
      throw new Error(`Unsupported schema engine CLI command: ${command}`);
    }
    return 0;
  } catch (err) {
    const { errorCode, message } = describeConnectionError(err, url);
    writeRecord({
      timestamp: new Date().toISOString(),
      level: "ERROR",
      fields: { is_panic: false, error_code: errorCode, message },
      target: "schema_engine::logger",
    });
    return 1;
  }
}

async function runServer() {
  /** @type {[string, string][] | undefined} */
  let datamodels;
  if (Array.isArray(values.datamodels) && values.datamodels.length > 0) {
    datamodels = await Promise.all(
      values.datamodels.map(async (path) => /** @type {[string, string]} */ ([String(path), await readFile(String(path), "utf8")])),
    );
  }

  /** @type {{ has(method: string): boolean, run(method: string, params: unknown): Promise<unknown>, close(): Promise<void> }} */
  let engine;
  try {
    engine = await startEngine({ datamodels, datasource, print: (content) => callCli("print", { content }) });
  } catch (err) {
    // Exiting now would leave the CLI waiting forever for an answer to a request it is
    // about to send; answer every request with the reason instead.
    log("ERROR", `could not start the schema engine: ${/** @type {Error} */ (err)?.message ?? err}`);
    engine = { has: () => true, run: () => Promise.reject(err), close: async () => {} };
  }
  let exiting = false;
  /** @param {number} code */
  const shutdown = async (code) => {
    if (exiting) return;
    exiting = true;
    setTimeout(() => process.exit(code), SHUTDOWN_GRACE_MS).unref();
    await engine.close().catch((err) => log("WARN", `cleanup failed: ${err?.message ?? err}`));
    process.exit(code);
  };
  // The CLI closes stdin and sends SIGTERM right away when it is done with the engine.
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(130));
  const { broken } = await serve(engine, url);
  // 101 is what the native engine exits with after a panic.
  await shutdown(broken ? 101 : 0);
}
