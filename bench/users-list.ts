/**
 * `npm run bench:users`: seeds 100,000 users into a scratch database on
 * TEST_DATABASE_URL's server, starts the standalone production server (run `next build`
 * first), signs in, and measures GET /api/v1/users?limit=50 with and without a search
 * at 10 concurrent requests. Prints p50/p95/p99 latency and requests per second.
 */
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { freePort } from "@/scripts/lib/free-port";
import { seedUsers } from "@/scripts/lib/seed-users";
import { startStandaloneServer } from "@/scripts/lib/standalone-server";
import { createTestDatabase } from "@/scripts/lib/test-database";

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
const concurrency = 10;
const durationMs = Number(process.env.BENCH_SECONDS ?? 15) * 1000;
const admin = { email: "bench-admin@example.test", password: randomBytes(12).toString("base64url") };

/** Signs in through Auth.js's credentials endpoint and returns the session cookie. */
async function signIn(baseUrl: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ ...admin, csrfToken }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in failed with ${response.status}.`);
  return session.split(";")[0]!;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(url: string, cookie: string) {
  const latencies: number[] = [];
  let failures = 0;
  const warmUntil = Date.now() + 2000;
  const end = warmUntil + durationMs;
  const worker = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) failures++;
      if (Date.now() > warmUntil) latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    rps: Math.round(latencies.length / (durationMs / 1000)),
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
    process.env.DATABASE_URL = database.url;
    process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
    process.env.ADMIN_EMAIL = admin.email;
    process.env.ADMIN_PASSWORD = admin.password;
    const { seedFirstSuperadmin } = await import("@/lib/first-superadmin");
    const { disconnectDb } = await import("@/lib/db");
    await seedFirstSuperadmin();
    await disconnectDb();

    const port = await freePort();
    const server = await startStandaloneServer(
      { DATABASE_URL: database.url, AUTH_SECRET: process.env.AUTH_SECRET, APP_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "warn" },
      port,
    );
    try {
      const cookie = await signIn(server.url);
      console.log(`${cpus().length} CPUs, load average before measuring: ${loadavg().map((load) => load.toFixed(1)).join(" ")}`);
      for (const [label, path] of [
        ["baseline: health (no auth)", "/api/v1/health"],
        ["baseline: users/me (auth)", "/api/v1/users/me"],
        ["list, limit 50", "/api/v1/users?limit=50"],
        ["search q=smith, limit 50", "/api/v1/users?limit=50&q=smith"],
        ["list with total, page 100", "/api/v1/users?limit=50&page=100"],
      ] as const) {
        const result = await measure(`${server.url}${path}`, cookie);
        console.log(`${label.padEnd(30)} p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  ${result.rps} req/s  (${result.requests} requests, ${result.failures} failed)`);
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
