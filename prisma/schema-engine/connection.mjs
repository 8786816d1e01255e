// node-postgres connections configured from Prisma-style datasource URLs.

import pg from "pg";
import { log } from "./log.mjs";

// Prisma's native engine waits 5 s for a connection by default; keep that so an
// unreachable server fails as fast here as it would with the native engine.
const DEFAULT_CONNECT_TIMEOUT_S = 5;

// Query parameters that belong to Prisma's URL dialect, not to libpq/node-postgres.
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connect_timeout",
  "connection_limit",
  "pool_timeout",
  "socket_timeout",
  "pgbouncer",
  "statement_cache_size",
];

/**
 * Turns a Prisma datasource URL into node-postgres settings.
 * @param {string} url
 * @returns {{ pool: pg.PoolConfig, schema: string | undefined, database: string, address: string, user: string }}
 */
export function parseDatabaseUrl(url) {
  if (!url) throw new Error("The datasource URL is empty. Set DATABASE_URL (read by prisma.config.ts).");
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw Object.assign(new Error("The provided database string is invalid. It is not a valid URL."), { errorCode: "P1013" });
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw Object.assign(
      new Error(`The provided database string is invalid. This engine only supports postgresql:// URLs, got \`${parsed.protocol}\`.`),
      { errorCode: "P1013" },
    );
  }
  const schema = parsed.searchParams.get("schema") ?? undefined;
  const timeout = Number(parsed.searchParams.get("connect_timeout") ?? DEFAULT_CONNECT_TIMEOUT_S);
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name);
  const database = decodeURIComponent(parsed.pathname.slice(1)) || "postgres";
  const host = parsed.searchParams.get("host") ?? (parsed.hostname || "localhost");
  return {
    pool: {
      connectionString: parsed.toString(),
      // Prisma treats connect_timeout=0 as "wait forever"; node-postgres does the same with 0.
      connectionTimeoutMillis: Number.isFinite(timeout) ? timeout * 1000 : DEFAULT_CONNECT_TIMEOUT_S * 1000,
      options: schema ? `-c search_path="${schema.replaceAll('"', '""')}"` : undefined,
    },
    schema,
    database,
    address: `${host}:${parsed.port || "5432"}`,
    user: decodeURIComponent(parsed.username) || process.env.USER || "postgres",
  };
}

/**
 * The same server and credentials, but another database. The database has to go into
 * the URL itself: node-postgres lets `connectionString` override a separate `database` field.
 * @param {string} url @param {string} database
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} url */
export function createPool(url) {
  const pool = new pg.Pool({ ...parseDatabaseUrl(url).pool, max: 4, idleTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the engine process.
  pool.on("error", (err) => log("WARN", `idle connection error: ${err.message}`));
  return pool;
}

/** @param {string} name */
export const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * Runs `fn` with a single short-lived connection.
 * @template T @param {string} url @param {(client: pg.Client) => Promise<T>} fn
 */
export async function withClient(url, fn) {
  const client = new pg.Client(parseDatabaseUrl(url).pool);
  client.on("error", () => {});
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Creates the database named in `url` by connecting to the server's maintenance
 * database, which is what the native engine's `create-database` does.
 * @param {string} url
 */
export async function createDatabase(url) {
  const { database } = parseDatabaseUrl(url);
  let lastError;
  for (const maintenance of ["postgres", "template1"]) {
    try {
      await withClient(withDatabase(url, maintenance), (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
      return database;
    } catch (err) {
      lastError = err;
      // Only a missing maintenance database is worth another try.
      if (/** @type {any} */ (err)?.code !== "3D000") break;
    }
  }
  throw lastError;
}
