/**
 * `npm run bench:users`: seeds 100,000 users into a scratch database on
 * TEST_DATABASE_URL's server, starts the standalone production server (run `next build`
 * first), signs in, and measures GET /api/v1/users?limit=50 with and without a search
 * at 10 concurrent requests (`BENCH_CONCURRENCY`), with a session cookie and with a
 * personal access token, and the /admin/users page that renders the same list.
 * Prints p50/p95/p99 latency and requests per second.
 *
 * The load comes from autocannon, whose HTTP client costs a fraction of `fetch`'s: on a
 * machine the client shares with the server, a heavier client mostly measures itself.
 */
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import { freePort } from "@/scripts/lib/free-port";
import { randomAdmin, seedAdmin } from "@/scripts/lib/seed-admin";
import { seedUsers } from "@/scripts/lib/seed-users";
import { signInWithPassword } from "@/scripts/lib/session-client";
import { startStandaloneServer } from "@/scripts/lib/standalone-server";
import { createTestDatabase } from "@/scripts/lib/test-database";

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const warmUpSeconds = 3;
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 15);
const admin = randomAdmin("bench");

/** Creates a read-only personal access token for the signed-in admin. */
async function createReadToken(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/users/me/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: baseUrl },
    body: JSON.stringify({ name: "benchmark", scopes: ["read"], expiresInDays: 1 }),
  });
  if (response.status !== 201) throw new Error(`Creating a token failed with ${response.status}.`);
  return ((await response.json()) as { token: string }).token;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Keeps `concurrency` requests in flight for `seconds` and returns every request's latency in ms. */
function load(url: string, headers: Record<string, string>, seconds: number) {
  const latencies: number[] = [];
  let failures = 0;
  return new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
    const run = autocannon({ url, headers, connections: concurrency, duration: seconds }, (error, result) =>
      error ? reject(error) : resolve({ latencies, failures: failures + result.errors + result.timeouts }),
    );
    run.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) failures++;
    });
  });
}

async function measure(url: string, headers: Record<string, string>) {
  await load(url, headers, warmUpSeconds);
  const { latencies, failures } = await load(url, headers, durationSeconds);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    rps: Math.round(latencies.length / durationSeconds),
    p50: percentile(latencies, 50).toFixed(1),
    p95: percentile(latencies, 95).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
  };
}

async function main() {
  if (!process.env.TEST_DATABASE_URL) throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server for the scratch database.");
  const database = await createTestDatabase("um_bench");
  try {
    const seedStarted = performance.now();
    await seedUsers(database.url, userCount);
    console.log(`Seeded ${userCount} users in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`);
    const authSecret = randomBytes(32).toString("base64url");
    await seedAdmin(admin, { DATABASE_URL: database.url, AUTH_SECRET: authSecret });

    const port = await freePort();
    const server = await startStandaloneServer(
      { DATABASE_URL: database.url, AUTH_SECRET: authSecret, APP_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "warn" },
      port,
    );
    try {
      const session = await signInWithPassword(server.url, admin.email, admin.password);
      if (!session.cookie.includes("authjs.session-token=")) throw new Error(`Sign-in failed with ${session.status}.`);
      const { cookie } = session;
      const asSession = { cookie };
      const asToken = { authorization: `Bearer ${await createReadToken(server.url, cookie)}` };
      console.log(
        `${concurrency} concurrent, ${cpus().length} CPUs, load average before measuring: ${loadavg()
          .map((load) => load.toFixed(1))
          .join(" ")}`,
      );
      for (const [label, path, headers] of [
        ["baseline: health, no credentials", "/api/v1/health", {}],
        ["baseline: users/me, session", "/api/v1/users/me", asSession],
        ["list, limit 50, session", "/api/v1/users?limit=50", asSession],
        ["list, limit 50, token", "/api/v1/users?limit=50", asToken],
        ["search q=smith, session", "/api/v1/users?limit=50&q=smith", asSession],
        ["search q=smith, token", "/api/v1/users?limit=50&q=smith", asToken],
        ["list with total, page 100", "/api/v1/users?limit=50&page=100", asSession],
        ["page: /admin/users", "/admin/users", asSession],
        ["page: /admin/users?q=smith", "/admin/users?q=smith", asSession],
      ] as const) {
        const result = await measure(`${server.url}${path}`, headers);
        console.log(
          `${label.padEnd(34)} p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  ${result.rps} req/s  (${result.requests} requests, ${result.failures} failed)`,
        );
      }
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
