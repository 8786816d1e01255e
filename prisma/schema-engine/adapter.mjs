// The driver adapter factory the wasm engine talks to, including the throwaway shadow
// databases it needs for `migrate dev` and `migrate diff --from-migrations`.

import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import { createPool, parseDatabaseUrl, quoteIdent, withClient, withDatabase } from "./connection.mjs";
import { log } from "./log.mjs";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The catalog queries the engine runs return PostgreSQL's one-byte `"char"` type
 * (contype, confdeltype, ...). adapter-pg rejects that type, and the engine reads some
 * of these columns only as characters (a text value makes it panic), so present them
 * as text to adapter-pg and report them as characters to the engine, as the native
 * engine's driver does. This hooks adapter-pg 7.10's `performIO`, which `queryRaw`
 * calls with the same query object.
 * @param {any} queryable an adapter or one of its transactions
 */
function acceptCharColumns(queryable) {
  /** @type {WeakMap<object, number[]>} */
  const charColumns = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (/** @type {object} */ query) => {
    const result = await performIO(query);
    /** @type {number[]} */
    const indexes = [];
    (result?.fields ?? []).forEach((/** @type {any} */ field, /** @type {number} */ i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(i);
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (/** @type {object} */ query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/**
 * @param {pg.Pool} pool @param {string | undefined} schema
 * @param {() => Promise<void>} [onDispose] runs after the pool has been closed
 */
async function connectAdapter(pool, schema, onDispose) {
  const adapter = acceptCharColumns(await new PrismaPg(pool, { schema }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (/** @type {any[]} */ ...args) => acceptCharColumns(await startTransaction(...args));
  // adapter-pg splits scripts on every ";", which breaks migrations containing
  // semicolons inside strings or function bodies. Like the native engine, send the
  // whole script as one simple-protocol query.
  adapter.executeScript = async (/** @type {string} */ script) => {
    try {
      await pool.query(script);
    } catch (err) {
      const e = /** @type {any} */ (err);
      // adapter-pg reduces well-known SQLSTATEs to a bare kind ("No such table: x");
      // a failed migration deserves the server's own message and code, as with the
      // native engine.
      if (typeof e?.code === "string" && typeof e?.severity === "string") {
        throw new DriverAdapterError({
          kind: "postgres",
          code: e.code,
          severity: e.severity,
          message: e.message,
          detail: e.detail,
          column: e.column,
          hint: e.hint,
        });
      }
      adapter.onError(err);
    }
  };
  if (onDispose) {
    adapter.dispose = async () => {
      try {
        await pool.end();
      } finally {
        await onDispose();
      }
    };
  }
  return adapter;
}

/**
 * Tracks the shadow databases this process created, so that they are dropped even if
 * the engine never disposes them (errors, SIGTERM from the CLI).
 * @type {Map<string, () => Promise<void>>}
 */
const liveShadowDatabases = new Map();

export async function dropLeftoverShadowDatabases() {
  await Promise.allSettled([...liveShadowDatabases.values()].map((drop) => drop()));
}

/**
 * A fresh, uniquely named database on the main server. The name keeps the main
 * database's name so a leaked one is easy to trace back.
 * @param {string} mainUrl @param {string | undefined} schema
 */
async function createShadowDatabase(mainUrl, schema) {
  const { database: mainDatabase } = parseDatabaseUrl(mainUrl);
  const name = `prisma_shadow_${mainDatabase.replace(/[^a-zA-Z0-9_]/g, "_").slice(0, 30)}_${randomBytes(5).toString("hex")}`;
  await withClient(mainUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`)).catch((err) => {
    if (err?.code === "42501") err.message += ". Give the user CREATEDB, or set SHADOW_DATABASE_URL to a disposable database.";
    throw err;
  });
  const drop = async () => {
    await withClient(mainUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`).catch((err) => {
        // 55006: still in use, i.e. the engine never disposed of it (an error or a
        // SIGTERM cut it short). FORCE (PostgreSQL 13+) ends those connections.
        if (err?.code !== "55006") throw err;
        log("WARN", `shadow database ${name} is still in use; dropping it WITH (FORCE)`);
        return c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      });
    });
    liveShadowDatabases.delete(name);
    log("INFO", `dropped shadow database ${name}`);
  };
  liveShadowDatabases.set(name, drop);
  log("INFO", `created shadow database ${name}`);

  const pool = createPool(withDatabase(mainUrl, name));
  try {
    const { rows } = await pool.query("SELECT current_database() AS db");
    if (rows[0]?.db !== name) throw new Error(`shadow connection landed in "${rows[0]?.db}" instead of "${name}"`);
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (err) {
    await pool.end().catch(() => {});
    await drop().catch(() => {});
    throw err;
  }
  return connectAdapter(pool, schema, drop);
}

/**
 * A user-provided shadow database (shadowDatabaseUrl): never the main database, and
 * emptied first because the engine replays the whole migration history into it.
 * @param {string} mainUrl @param {string} shadowUrl
 */
async function prepareConfiguredShadowDatabase(mainUrl, shadowUrl) {
  const { schema } = parseDatabaseUrl(shadowUrl);
  const pool = createPool(shadowUrl);
  try {
    // A backend of the main connection is visible in the shadow's pg_stat_activity
    // under the same database name only if both URLs lead to the same database.
    const same = await withClient(mainUrl, async (main) => {
      const { rows } = await main.query("SELECT pg_backend_pid() AS pid");
      const check = await pool.query(
        "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND datname = current_database()) AS same",
        [rows[0].pid],
      );
      return check.rows[0]?.same === true;
    });
    if (same)
      throw new Error("The shadow database URL points at the main database. Use a separate, disposable database for shadowDatabaseUrl.");
    await pool.query(`DO $$ DECLARE s name; BEGIN
      FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
        EXECUTE format('DROP SCHEMA %I CASCADE', s);
      END LOOP;
      EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', ${pg.escapeLiteral(schema ?? "public")});
    END $$`);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return connectAdapter(pool, schema, async () => {});
}

/**
 * The adapter factory handed to `SchemaEngine.new`, which connects right away.
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory({ url = "", shadowDatabaseUrl }) {
  /** @type {pg.Pool | undefined} */
  let mainPool;
  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      mainPool ??= createPool(url);
      return connectAdapter(mainPool, parseDatabaseUrl(url).schema);
    },
    async connectToShadowDb() {
      return shadowDatabaseUrl
        ? prepareConfiguredShadowDatabase(url, shadowDatabaseUrl)
        : createShadowDatabase(url, parseDatabaseUrl(url).schema);
    },
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    async close() {
      await mainPool?.end().catch(() => {});
      mainPool = undefined;
    },
  };
}
