import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { problemResponse } from "@/lib/http/problem";
import { freePort } from "@/scripts/lib/free-port";

const clients: PrismaClient[] = [];
function clientFor(connectionString: string, connectionTimeoutMillis = 2_000): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 1, connectionTimeoutMillis }) });
  clients.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.$disconnect().catch(() => undefined)));
});

/** Waits until a query labelled `label` runs, then applies `action` (a function of its backend pid) to it. */
async function onRunningQuery(label: string, action: "pg_terminate_backend" | "pg_cancel_backend" | "pg_stat_get_backend_pid") {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const sql = `SELECT ${action}(pid) FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`;
    await expect.poll(async () => (await admin.query(sql, [`%AS ${label}%`])).rowCount, { timeout: 20_000 }).toBeGreaterThan(0);
  } finally {
    await admin.end();
  }
}

/** Runs a query at once and settles with the error it failed with (undefined if none). */
const failureOf = (query: PromiseLike<unknown>): Promise<unknown> =>
  Promise.resolve(query).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );

/** What the API answers for the error a real query failed with. */
async function answerFor(failure: Promise<unknown>) {
  const error = await failure;
  expect(error).toBeDefined();
  const response = problemResponse(error, "req-1");
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { code: string } };
}

describe("database outages answer 503 with Retry-After, not 500", () => {
  it("when nothing listens where the database should be", async () => {
    const db = clientFor(`postgresql://postgres@127.0.0.1:${await freePort()}/none`);
    const answer = await answerFor(failureOf(db.$queryRaw`SELECT 1`));
    expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { code: "unavailable" } });
  });

  it("when the server ends the connection mid-query (an administrator or a restart terminates it)", async () => {
    const db = clientFor(process.env.DATABASE_URL!);
    const failure = failureOf(db.$queryRaw`SELECT pg_sleep(30)::text AS terminated`);
    await onRunningQuery("terminated", "pg_terminate_backend");
    const answer = await answerFor(failure);
    expect(answer).toMatchObject({ status: 503, retryAfter: "5" });
  });

  it("when every pool connection stays busy past the connection timeout", async () => {
    const db = clientFor(process.env.DATABASE_URL!, 1_000);
    // Opens the pool's one connection first, so that only the wait for it can time out.
    await db.$queryRaw`SELECT 1`;
    const busy = failureOf(db.$queryRaw`SELECT pg_sleep(30)::text AS busy`);
    await onRunningQuery("busy", "pg_stat_get_backend_pid");
    const answer = await answerFor(failureOf(db.$queryRaw`SELECT 1`));
    await onRunningQuery("busy", "pg_cancel_backend");
    await busy;
    expect(answer).toMatchObject({ status: 503, retryAfter: "5" });
  });

  it("when a transaction outlives its timeout because the database is too busy (it was rolled back)", async () => {
    const db = clientFor(process.env.DATABASE_URL!);
    const expired = failureOf(db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(1)::text AS slow`, { timeout: 100 }));
    const answer = await answerFor(expired);
    expect(answer).toMatchObject({ status: 503, retryAfter: "5" });
  });

  it("when the database ends a transaction to break a deadlock (it was rolled back)", async () => {
    const [first, second] = [Math.floor(Math.random() * 1e9), Math.floor(Math.random() * 1e9) + 1e9];
    const lockInOrder = (db: PrismaClient, a: number, b: number) =>
      failureOf(
        db.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(${a}::bigint)`;
            await new Promise((resolve) => setTimeout(resolve, 300));
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(${b}::bigint)`;
          },
          { timeout: 10_000 },
        ),
      );
    const url = process.env.DATABASE_URL!;
    const failures = await Promise.all([lockInOrder(clientFor(url), first, second), lockInOrder(clientFor(url), second, first)]);
    const answer = await answerFor(Promise.resolve(failures.find(Boolean)));
    expect(answer).toMatchObject({ status: 503, retryAfter: "5" });
  });

  it("while a real query error still answers 500", async () => {
    const db = clientFor(process.env.DATABASE_URL!);
    const answer = await answerFor(failureOf(db.$queryRaw`SELECT no_such_column FROM users`));
    expect(answer.status).toBe(500);
  });
});
