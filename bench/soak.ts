/**
 * `npm run bench:soak`: a mixed load held for a long time, to show whether memory grows
 * or errors appear. Seeds users into a scratch database on TEST_DATABASE_URL's server,
 * starts the standalone production server (run `next build` first) and keeps
 * SOAK_CONCURRENCY (20) clients busy for SOAK_MINUTES (10) with list, search, get,
 * patch, sign-in and token refresh. Every minute it prints, per operation, the requests,
 * errors and p95 latency of that minute, and the server's resident memory (RSS).
 * Not a test: results go in docs/benchmarks.md.
 */
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { freePort } from "@/scripts/lib/free-port";
import { randomAdmin, seedAdmin } from "@/scripts/lib/seed-admin";
import { seedUsers } from "@/scripts/lib/seed-users";
import { startStandaloneServer } from "@/scripts/lib/standalone-server";
import { createTestDatabase } from "@/scripts/lib/test-database";
import { operations, type Operation, type SoakClient } from "./soak-operations";
import { residentMegabytes, Tally } from "./soak-tally";

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 20);
const userCount = Number(process.env.SOAK_USERS ?? 10_000);
const admin = randomAdmin("soak");

/** Picks an operation by weight, so the mix holds over any stretch of time. */
function pick(): Operation {
  const total = operations.reduce((sum, operation) => sum + operation.weight, 0);
  let roll = Math.random() * total;
  for (const operation of operations) {
    roll -= operation.weight;
    if (roll < 0) return operation;
  }
  return operations[0]!;
}

/** The distinct error messages the server logged, with counts, so a 500 has a cause. */
function printServerErrors(output: string) {
  const counts = new Map<string, number>();
  for (const line of output.split("\n").filter((entry) => entry.includes('"level":50'))) {
    const message = /"message":"([^"]{0,160})/.exec(line)?.[1] ?? line.slice(0, 160);
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  for (const [message, count] of counts) console.log(`server error ×${count}: ${message}`);
}

async function main() {
  if (!process.env.TEST_DATABASE_URL) throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server for the scratch database.");
  const database = await createTestDatabase("um_soak");
  try {
    await seedUsers(database.url, userCount);
    const ids = await (async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ id: string }>("SELECT id FROM users ORDER BY random() LIMIT 2000");
      await client.end();
      return rows.map((row) => row.id);
    })();
    const authSecret = randomBytes(32).toString("base64url");
    const bcryptCost = "10";
    await seedAdmin(admin, { DATABASE_URL: database.url, AUTH_SECRET: authSecret, BCRYPT_COST: bcryptCost });
    const port = await freePort();
    const server = await startStandaloneServer(
      {
        DATABASE_URL: database.url,
        AUTH_SECRET: authSecret,
        APP_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: "warn",
        BCRYPT_COST: bcryptCost,
        RATE_LIMIT_SIGN_IN_PER_IP: "100000",
        RATE_LIMIT_SIGN_IN_PER_ACCOUNT: "10000",
      },
      port,
    );
    try {
      console.log(
        `${concurrency} clients for ${minutes} min over ${userCount} users; ${cpus().length} CPUs, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
      );
      const tally = new Tally();
      const deadline = Date.now() + minutes * 60_000;
      const pid = server.process.pid!;
      console.log(`start: RSS ${residentMegabytes(pid)} MB`);
      const report = setInterval(() => tally.printMinute(residentMegabytes(pid)), 60_000);
      const clients = Array.from({ length: concurrency }, async () => {
        const client: SoakClient = { baseUrl: server.url, admin, ids, tokens: undefined };
        while (Date.now() < deadline) {
          const operation = pick();
          const started = performance.now();
          const status = await operation.run(client).catch(() => 0);
          tally.record(operation.name, performance.now() - started, status);
        }
      });
      await Promise.all(clients);
      clearInterval(report);
      tally.printMinute(residentMegabytes(pid));
      tally.printTotals();
      printServerErrors(server.output());
    } finally {
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
