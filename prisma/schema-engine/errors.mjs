// Turns failures into what the Prisma CLI knows how to print: JSON-RPC errors with
// `data.message` / `data.error_code` (the native engine's shape) and P1xxx codes for
// connection problems.

import { parseDatabaseUrl } from "./connection.mjs";

/** A Rust panic inside the wasm engine; the instance is unusable afterwards. */
export class EnginePanic extends Error {}

// The native engine's code for "user-facing error, details in data".
const ENGINE_ERROR_CODE = 4466;

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);

/**
 * Maps a connection failure from node-postgres to Prisma's error codes.
 * @param {any} err @param {string} url
 * @returns {{ errorCode?: string, message: string }}
 */
export function describeConnectionError(err, url) {
  if (err?.errorCode) return { errorCode: err.errorCode, message: err.message };
  if (!url) return { message: String(err?.message ?? err) };
  let target = { database: "?", address: "?", user: "?" };
  try {
    target = parseDatabaseUrl(url);
  } catch {
    // The URL was already accepted once; fall back to placeholders.
  }
  // node-postgres reports timeouts and dropped handshakes only through the message;
  // errors sent by the server (with a severity) are never about reachability.
  const terminated = typeof err?.severity !== "string" && /^Connection terminated|timeout/i.test(String(err?.message));
  if (UNREACHABLE.has(err?.code) || terminated) {
    const reason = terminated ? ` (${err.message})` : "";
    return {
      errorCode: "P1001",
      message: `Can't reach database server at \`${target.address}\`${reason}\n\nPlease make sure your database server is running at \`${target.address}\`.`,
    };
  }
  if (err?.code === "3D000")
    return {
      errorCode: "P1003",
      message: `Database \`${target.database}\` does not exist on the database server at \`${target.address}\`.`,
    };
  if (err?.code === "28P01" || err?.code === "28000") {
    return {
      errorCode: "P1000",
      message: `Authentication failed against database server, the provided database credentials for \`${target.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${target.address}\`.`,
    };
  }
  if (err?.code === "42P04")
    return {
      errorCode: "P1009",
      message: `Database \`${target.database}\` already exists on the database server at \`${target.address}\``,
    };
  return { message: String(err?.message ?? err) };
}

/**
 * @param {unknown} error @param {string} url
 * @returns {{ code: number, message: string, data: Record<string, unknown> }}
 */
export function toRpcError(error, url) {
  const err = /** @type {any} */ (error);
  if (err instanceof EnginePanic) {
    return {
      code: ENGINE_ERROR_CODE,
      message: err.message,
      data: { is_panic: true, message: err.message, error: { message: err.message } },
    };
  }
  // Errors raised by the wasm engine itself carry Prisma error codes (P3xxx, P1xxx, ...).
  if (typeof err?.code === "string" && /^P\d{4}$/.test(err.code)) {
    return rpcError(err.message, err.code, err.meta);
  }
  const { errorCode, message } = describeConnectionError(err, url);
  if (errorCode) return rpcError(message, errorCode);
  // A SchemaConnectorError's message ends with the Rust span trace: keep the summary,
  // plus the migration it was applying, which the summary alone does not name.
  const [summary = "", trace = ""] = String(message).split("\n   0: ");
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  return rpcError(summary.trimEnd() + (migration ? `\n\nMigration name: ${migration}` : ""), undefined, undefined, err?.stack);
}

/**
 * @param {string} message @param {string} [errorCode] @param {unknown} [meta] @param {string} [backtrace]
 */
function rpcError(message, errorCode, meta, backtrace) {
  return {
    code: ENGINE_ERROR_CODE,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, error_code: errorCode, meta, backtrace },
  };
}
