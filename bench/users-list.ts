/**
 * `npm run bench:users` (after `next build`; TEST_DATABASE_URL names the PostgreSQL
 * server for a scratch database): seeds BENCH_USERS users (100,000), starts the
 * standalone production server and, beside it, a bare node:http + pg server that runs the
 * list's first-page SQL (bench/lib/baseline-server.mjs). Then, one after another at
 * BENCH_CONCURRENCY (10) for BENCH_SECONDS (8) each: the health endpoint without
 * credentials, the baseline, GET /api/v1/users?limit=50 with a token and with a session,
 * the first page and a cursor page in the middle of the table for every sort and
 * direction, the search q=smith, and the /admin/users page one request at a time.
 *
 * Every figure is printed with its ratio to the health endpoint and to the baseline
 * measured in the same run, because on a shared machine absolute figures drift while
 * ratios hold; the targets of docs/benchmarks.md are checked at the end.
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { encodeCursor } from "@/lib/pagination";
import { measure, type Figures } from "@/bench/lib/load";
import { freePort } from "@/scripts/lib/free-port";
import { randomAdmin, seedAdmin } from "@/scripts/lib/seed-admin";
import { seedUsers } from "@/scripts/lib/seed-users";
import { signInWithPassword } from "@/scripts/lib/session-client";
import { startStandaloneServer } from "@/scripts/lib/standalone-server";
import { createTestDatabase } from "@/scripts/lib/test-database";

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const timing = { connections: concurrency, seconds: Number(process.env.BENCH_SECONDS ?? 8), warmUpSeconds: 2 };
const admin = randomAdmin("bench");

const sorts = { created: "created_at", email: "email", name: "name", lastLogin: "last_login_at" } as const;
type Sort = keyof typeof sorts;
const orders = ["desc", "asc"] as const;

/** The cursor the list would hand out at `position` (0-based) in a sort order, read straight from the table. */
async function cursorAt(databaseUrl: string, sort: Sort, order: (typeof orders)[number], position: number): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const column = sorts[sort];
    const { rows } = await client.query<{ id: string; value: Date | string | null }>(
      `SELECT id, ${column} AS value FROM users WHERE deleted_at IS NULL
       ORDER BY ${column} ${order} NULLS LAST, id ${order} OFFSET $1 LIMIT 1`,
      [position],
    );
    const { id, value } = rows[0]!;
    return encodeCursor({ value: value instanceof Date ? value.toISOString() : value, id });
  } finally {
    await client.end();
  }
}

async function createReadToken(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/users/me/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: baseUrl },
    body: JSON.stringify({ name: "benchmark", scopes: ["read"], expiresInDays: 1 }),
  });
  if (response.status !== 201) throw new Error(`Creating a token failed with ${response.status}.`);
  return ((await response.json()) as { token: string }).token;
}

async function startBaselineServer(databaseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["bench/lib/baseline-server.mjs"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`The baseline server exited with ${code}.`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

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
    const baseline = await startBaselineServer(database.url);
    let peakMb = 0;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, residentMb(server.process.pid!))), 500);
    try {
      const { cookie } = await signInWithPassword(server.url, admin.email, admin.password);
      if (!cookie.includes("authjs.session-token=")) throw new Error("Signing in failed.");
      const asSession = { cookie };
      const asToken = { authorization: `Bearer ${await createReadToken(server.url, cookie)}` };
      const middle = Math.floor(userCount / 2);
      console.log(
        `${userCount} users, ${concurrency} concurrent, ${timing.seconds} s each, ${cpus().length} CPUs, load average ${loadavg()
          .map((load) => load.toFixed(1))
          .join(" ")}\n`,
      );

      const results = new Map<string, Figures>();
      const run = async (label: string, url: string, headers: Record<string, string> = {}, connections = concurrency) => {
        const figures = await measure(url, headers, { ...timing, connections });
        results.set(label, figures);
        const health = results.get("health, no credentials");
        const base = results.get("baseline: bare node:http + pg");
        const ratio = (to?: Figures) => (to ? `${((100 * figures.rps) / to.rps).toFixed(0).padStart(4)} %` : "     -");
        console.log(
          `${label.padEnd(40)} ${figures.rps.toFixed(0).padStart(5)} req/s  p50 ${figures.p50.toFixed(0).padStart(4)}  p95 ${figures.p95
            .toFixed(0)
            .padStart(4)}  p99 ${figures.p99.toFixed(0).padStart(4)} ms  of health ${ratio(health)}  of baseline ${ratio(base)}` +
            (figures.failures ? `  ${figures.failures} FAILED` : ""),
        );
        return figures;
      };

      await run("health, no credentials", `${server.url}/api/v1/health`);
      await run("baseline: bare node:http + pg", `${baseline.url}/`);
      await run("list, token", `${server.url}/api/v1/users?limit=50`, asToken);
      await run("list, session", `${server.url}/api/v1/users?limit=50`, asSession);
      await run("search q=smith, token", `${server.url}/api/v1/users?limit=50&q=smith`, asToken);
      await run("search q=smith, session", `${server.url}/api/v1/users?limit=50&q=smith`, asSession);
      const deepShares: string[] = [];
      for (const sort of Object.keys(sorts) as Sort[]) {
        for (const order of orders) {
          const path = `${server.url}/api/v1/users?limit=50&sort=${sort}&order=${order}`;
          const first = await run(`${sort} ${order}: first page`, path, asToken);
          const cursor = await cursorAt(database.url, sort, order, middle);
          const deep = await run(`${sort} ${order}: cursor at row ${middle}`, `${path}&cursor=${cursor}`, asToken);
          deepShares.push(`${sort} ${order} ${((100 * deep.rps) / first.rps).toFixed(0)} %`);
        }
      }
      const page = await run("page /admin/users, one at a time", `${server.url}/admin/users`, asSession, 1);
      await run("page /admin/users?q=smith, one at a time", `${server.url}/admin/users?q=smith`, asSession, 1);
      const afterMb = residentMb(server.process.pid!);

      const health = results.get("health, no credentials")!;
      const list = [results.get("list, token")!, results.get("list, session")!];
      console.log(`\nDeep cursor page, share of the first page's req/s: ${deepShares.join(", ")} (target at least 90 %)`);
      console.log(
        `List, share of health's req/s: ${list.map((f) => `${((100 * f.rps) / health.rps).toFixed(0)} %`).join(" (token), ")} (session) (target at least 50 %); p95 ${list
          .map((f) => f.p95.toFixed(0))
          .join(" and ")} ms (target under 50)`,
      );
      console.log(`Search p95: ${results.get("search q=smith, token")!.p95.toFixed(0)} ms (target under 50)`);
      console.log(`/admin/users p95 one at a time: ${page.p95.toFixed(0)} ms (target under 150)`);
      console.log(`Server resident memory: ${afterMb.toFixed(0)} MB after the load, peak ${peakMb.toFixed(0)} MB (target under 300)`);
    } finally {
      clearInterval(sampler);
      baseline.stop();
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
