import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

const shutdownHooks = Symbol.for("usermanager.shutdownHooks");
/** A client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_SECONDS } = config();
  const adapter = new PrismaPg({
    connectionString: DATABASE_URL,
    max: DATABASE_POOL_SIZE,
    // Fail fast when the database is down (or every connection is busy) instead of
    // queueing requests forever: the caller gets a 503 with Retry-After.
    connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
  });
  // Prisma's 5 s transaction timeout expired under a burst of load on two cores, turning
  // slow writes into failures; 15 s still ends a transaction stuck on a lock.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: DATABASE_CONNECT_TIMEOUT_SECONDS * 1000, timeout: 15_000 } });
}

// One client per process; the global survives module reloads in development.
const globalForDb = globalThis as unknown as { db?: PrismaClient; [shutdownHooks]?: Array<() => Promise<void>> };

/** Only `lib/services/**` may call this. */
export function db(): PrismaClient {
  if (!globalForDb.db) {
    globalForDb.db = createClient();
    // The production entry (docker/graceful-shutdown.cjs) runs these once the server has
    // stopped serving, so the pool closes its connections cleanly before the process exits.
    globalForDb[shutdownHooks]?.push(disconnectDb);
  }
  return globalForDb.db;
}

/** Closes the pool, for scripts that must hand the database over to another process. */
export async function disconnectDb(): Promise<void> {
  await globalForDb.db?.$disconnect();
  globalForDb.db = undefined;
}
