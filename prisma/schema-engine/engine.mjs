// Loads @prisma/schema-engine-wasm and maps the CLI's JSON-RPC methods onto it.

import { readFile } from "node:fs/promises";
import { createAdapterFactory, dropLeftoverShadowDatabases } from "./adapter.mjs";
import { createDatabase, withClient } from "./connection.mjs";
import { EnginePanic } from "./errors.mjs";
import { forwardEngineLog, log } from "./log.mjs";

/** @type {Promise<any> | undefined} */
let wasmModule;

// The package's entry point imports the .wasm file as an ES module, which Node 20
// only allows behind --experimental-wasm-modules; instantiate it by hand instead.
export function loadWasm() {
  wasmModule ??= (async () => {
    const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(glueUrl);
    const bytes = await readFile(new URL("schema_engine_bg.wasm", glueUrl));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return glue;
  })();
  return wasmModule;
}

export const engineVersion = async () => (await loadWasm()).version();

/** The message of the last Rust panic; the trap itself only says "unreachable". */
let lastPanicMessage = "";
/** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = {
  /** @param {string} message */
  set_message(message) {
    lastPanicMessage = message;
  },
};

/**
 * A trap ("unreachable") is how a Rust panic ends a wasm call.
 * @param {unknown} err
 */
export const asPanic = (err) => (err instanceof WebAssembly.RuntimeError ? new EnginePanic(lastPanicMessage || String(err)) : undefined);

const SHADOW_FACTORY_NOT_READY = "shadow DB must be provided through an external factory";

/**
 * @param {{
 *   datamodels: [string, string][] | undefined,
 *   datasource: { url?: string, shadowDatabaseUrl?: string },
 *   print: (content: string) => Promise<unknown>,
 * }} options
 */
export async function startEngine({ datamodels, datasource, print }) {
  const glue = await loadWasm();
  const adapters = createAdapterFactory(datasource);
  /** @param {unknown} err */
  const originalError = (err) => {
    // JavaScript exceptions inside the adapter reach us as "External error id#N";
    // the binder keeps the original (with its pg error code) under that id.
    const id = /External error id#(\d+)/.exec(String(/** @type {Error} */ (err)?.message))?.[1];
    return (id && adapters.factory.errorRegistry.consumeError(Number(id))?.error) || err;
  };
  /** @type {any} */
  let engine;
  try {
    // The engine's first query would report connection problems with less detail
    // (and without Prisma's P1xxx codes) than node-postgres gives us directly.
    await withClient(datasource.url ?? "", (c) => c.query("SELECT 1"));
    engine = await glue.SchemaEngine.new({ datamodels }, forwardEngineLog, adapters.factory);
  } catch (err) {
    await adapters.close();
    throw originalError(err);
  }

  /** @param {string} method @param {any} params */
  async function call(method, params) {
    try {
      // Methods must be called on the engine object itself: detaching them loses `this`.
      return await engine[method](params);
    } catch (err) {
      throw asPanic(err) ?? originalError(err);
    }
  }

  /**
   * evaluateDataLoss and createMigration get no shadow database factory in the wasm
   * engine: they only reuse the migrations-history schema that devDiagnostic cached.
   * `migrate dev` runs devDiagnostic before applying pending migrations, and the
   * cache is not filled while the database is behind, so compute it again and retry.
   * @param {string} method
   */
  const withMigrationSchemaCache = (method) => async (/** @type {any} */ params) => {
    try {
      return await call(method, params);
    } catch (err) {
      if (!String(/** @type {Error} */ (err)?.message).includes(SHADOW_FACTORY_NOT_READY)) throw err;
      log("INFO", `${method}: refreshing the migration history cache with devDiagnostic`);
      await call("devDiagnostic", { migrationsList: params.migrationsList, filters: params.filters });
      return call(method, params);
    }
  };

  /** @type {Record<string, (params: any) => Promise<unknown>>} */
  const methods = {
    createMigration: withMigrationSchemaCache("createMigration"),
    evaluateDataLoss: withMigrationSchemaCache("evaluateDataLoss"),
    async diff(params) {
      // The native engine prints the diff itself instead of returning it.
      const result = await call("diff", params);
      if (typeof result?.stdout === "string") await print(result.stdout.replace(/\n$/, ""));
      return { ...result, stdout: null };
    },
    getDatabaseVersion: (params) => call("version", params ?? undefined),
    createDatabase: async (params) => ({ databaseName: await createDatabase(params?.datasource?.url ?? datasource.url ?? "") }),
    debugPanic: async () => call("debugPanic", undefined),
  };
  for (const name of [
    "applyMigrations",
    "dbExecute",
    "devDiagnostic",
    "diagnoseMigrationHistory",
    "ensureConnectionValidity",
    "introspect",
    "introspectSql",
    "markMigrationApplied",
    "markMigrationRolledBack",
    "reset",
    "schemaPush",
  ]) {
    methods[name] = (params) => call(name, params);
  }

  return {
    /** @param {string} method */
    has: (method) => Object.hasOwn(methods, method),
    /** @param {string} method @param {unknown} params */
    run: (method, params) => /** @type {any} */ (methods)[method](params),
    // The wasm instance is not freed: a request may still be running when the CLI
    // sends SIGTERM, and the process is about to exit anyway.
    async close() {
      await adapters.close();
      await dropLeftoverShadowDatabases();
    },
  };
}
