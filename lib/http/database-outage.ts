import "server-only";
import { AppError } from "@/lib/errors";

/** Seconds a client should wait before retrying while the database is unavailable. */
export const outageRetryAfterSeconds = 5;

// Prisma: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017),
// no pool connection in time (P2024), too many connections (P2037), and a transaction
// that outlived its timeout on an overloaded database (P2028; it was rolled back, so
// nothing was written and trying again is right), and one the database ended to break a
// deadlock or a write conflict (P2034; rolled back too).
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034", "P2037"]);
// PostgreSQL: admin/crash shutdown, cannot connect now (57P01-57P03), connection
// exceptions (class 08), too many connections (53300), deadlock victim (40P01) and
// serialization failure (40001).
const sqlState = /^(57P0[1-3]|08[0-9A-Z]{3}|53300|40P01|40001)$/;
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const adapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres reports a dropped connection, a client left broken by one, and a pool wait
// that timed out only in words.
const messages =
  /Connection terminated|is not queryable|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection/i;

function looksLikeOutage(value: Record<string, unknown>): boolean {
  const { code, originalCode, kind, message } = value;
  return (
    (typeof code === "string" && (prismaCodes.has(code) || sqlState.test(code) || socketCodes.has(code))) ||
    (typeof originalCode === "string" && sqlState.test(originalCode)) ||
    (typeof kind === "string" && adapterKinds.has(kind)) ||
    (typeof message === "string" && messages.test(message))
  );
}

/**
 * Whether an error means the database cannot be used right now (down, restarting, out of
 * connections) rather than that the request was wrong. Prisma nests the driver's error
 * under `cause` and `meta.driverAdapterError`, so those are searched too.
 */
export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== "object" || error === null) return false;
  const value = error as Record<string, unknown>;
  if (looksLikeOutage(value)) return true;
  const nested = [value.cause, value.meta, (value.meta as Record<string, unknown> | undefined)?.driverAdapterError];
  if (error instanceof AggregateError) nested.push(...error.errors);
  return nested.some((inner) => isDatabaseOutage(inner, depth + 1));
}

/** A 503 with Retry-After, so that clients and load balancers back off and try again. */
export function databaseOutageError(error: unknown): AppError | undefined {
  if (!isDatabaseOutage(error)) return undefined;
  return new AppError("unavailable", "The database is unavailable at the moment; try again shortly.", {
    headers: { "retry-after": String(outageRetryAfterSeconds) },
    cause: error,
  });
}
