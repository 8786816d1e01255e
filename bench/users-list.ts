/**
 * `npm run bench:users` (after `next build`; TEST_DATABASE_URL names the PostgreSQL
 * server for a scratch database): seeds BENCH_USERS users (100,000; 1,000,000 for the
 * large run), starts the standalone production server and, beside it, two floors that
 * run the same SQL: the **Next.js floor**, a bare Next.js app of the same version built
 * and started like ours (bench/next-floor, built on first use), and the absolute limit, a
 * bare node:http + pg server (bench/lib/baseline-server.mjs). Then, one after another at
 * BENCH_CONCURRENCY (10) for BENCH_SECONDS (8) each: the floor's empty route, our health
 * endpoint and /users/me; the floor's first page, the plain one, our
 * GET /api/v1/users?limit=50 with a token and with a session; the same for the search
 * q=smith; the first page and a cursor page in the middle of the table for every sort
 * and direction (BENCH_DEEP=0 skips them), the list filtered on one custom attribute
 * and sorted on another (`attribute.department=Sales&sort=attribute.cost`, both
 * directions, first page and a cursor page) against the unfiltered list of the same run,
 * and the /admin/users page one request at a time (BENCH_PAGES=0 skips it).
 *
 * Every figure is printed as a share of the Next.js floor's figure for the same work in
 * the same run, and of the plain baseline's: on a shared machine absolute figures drift
 * while shares hold. The targets of docs/benchmarks.md are checked at the end.
 * BENCH_CPU_PROF=<dir> writes our server's CPU profile (node --cpu-prof) there on exit.
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { encodeCursor } from "@/lib/pagination";
import { measure, type Figures } from "@/bench/lib/load";
import { checkAttributeLists, runAttributeLists } from "@/bench/lib/attribute-lists";
import { seedAttributes } from "@/bench/lib/seed-attributes";
import { startNextFloor } from "@/bench/lib/next-floor";
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
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill() };
}

const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const share = (figures: Figures, of?: Figures) => (of ? (100 * figures.rps) / of.rps : NaN);
/** The share of the floor's throughput the server would reach if CPU were all that limited both: the floor's CPU per request over ours. */
const cpuShare = (figures: Figures, of?: Figures) => (of ? (100 * of.cpuMs) / figures.cpuMs : NaN);
const percent = (value: number) => (Number.isNaN(value) ? "     -" : `${value.toFixed(0).padStart(4)} %`);

/** Measures URLs one after another and prints each with its share of the floor's figure named beside it. */
function runner() {
  const results = new Map<string, Figures>();
  const run = async (
    label: string,
    url: string,
    pid: number | undefined,
    {
      headers = {},
      floor,
      plain,
      connections = concurrency,
    }: { headers?: Record<string, string>; floor?: string; plain?: string; connections?: number } = {},
  ) => {
    const figures = await measure(url, headers, { ...timing, connections, pid });
    results.set(label, figures);
    const of = (name?: string) => (name ? percent(share(figures, results.get(name))) : "     -");
    const cpuOf = (name?: string) => (name ? percent(cpuShare(figures, results.get(name))) : "     -");
    console.log(
      `${label.padEnd(42)} ${figures.rps.toFixed(0).padStart(5)} req/s  p50 ${figures.p50.toFixed(0).padStart(4)}  p95 ${figures.p95
        .toFixed(0)
        .padStart(4)}  p99 ${figures.p99.toFixed(0).padStart(4)} ms  of floor ${of(floor)}  of node:http ${of(plain)}  CPU ${figures.cpuMs
        .toFixed(2)
        .padStart(5)} ms/req, of floor ${cpuOf(floor)}` + (figures.failures ? `  ${figures.failures} FAILED` : ""),
    );
    return figures;
  };
  return { run, results, get: (label: string) => results.get(label)! };
}

async function main() {
  if (!process.env.TEST_DATABASE_URL) throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server for the scratch database.");
  const database = await createTestDatabase("um_bench");
  try {
    const seedStarted = performance.now();
    await seedUsers(database.url, userCount);
    await seedAttributes(database.url);
    console.log(`Seeded ${userCount} users in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`);
    const authSecret = randomBytes(32).toString("base64url");
    await seedAdmin(admin, { DATABASE_URL: database.url, AUTH_SECRET: authSecret });

    const floor = await startNextFloor(database.url);
    const port = await freePort();
    const profileDir = process.env.BENCH_CPU_PROF;
    const server = await startStandaloneServer(
      { DATABASE_URL: database.url, AUTH_SECRET: authSecret, APP_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "warn" },
      port,
      { nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] },
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

      const { run, get } = runner();
      const [ours, floorPid] = [server.process.pid, floor.process.pid];
      const list = `${server.url}/api/v1/users?limit=50`;
      await run("floor: Next.js empty route", `${floor.url}/empty`, floorPid);
      await run("health, no credentials", `${server.url}/api/v1/health`, ours, { floor: "floor: Next.js empty route" });
      await run("/users/me, token", `${server.url}/api/v1/users/me`, ours, { headers: asToken, floor: "floor: Next.js empty route" });
      await run("floor: Next.js + pg, first page", `${floor.url}/first-page`, floorPid);
      await run("node:http + pg, first page", `${baseline.url}/`, baseline.pid, { floor: "floor: Next.js + pg, first page" });
      const page = { floor: "floor: Next.js + pg, first page", plain: "node:http + pg, first page" };
      await run("list, token", list, ours, { headers: asToken, ...page });
      await run("list, session", list, ours, { headers: asSession, ...page });
      await run("floor: Next.js + pg, search", `${floor.url}/search`, floorPid);
      await run("node:http + pg, search", `${baseline.url}/search`, baseline.pid, { floor: "floor: Next.js + pg, search" });
      const found = { floor: "floor: Next.js + pg, search", plain: "node:http + pg, search" };
      await run("search q=smith, token", `${list}&q=smith`, ours, { headers: asToken, ...found });
      await run("search q=smith, session", `${list}&q=smith`, ours, { headers: asSession, ...found });
      const floorMb = residentMb(floor.process.pid!);
      const attributeLabels = await runAttributeLists(run, list, ours, asToken);

      const deepShares: number[] = [];
      if (process.env.BENCH_DEEP !== "0") {
        for (const sort of Object.keys(sorts) as Sort[]) {
          for (const order of orders) {
            const path = `${list}&sort=${sort}&order=${order}`;
            await run(`${sort} ${order}: first page`, path, ours, { headers: asToken, ...page });
            const cursor = await cursorAt(database.url, sort, order, middle);
            const deep = await run(`${sort} ${order}: cursor at row ${middle}`, `${path}&cursor=${cursor}`, ours, {
              headers: asToken,
              ...page,
            });
            deepShares.push(share(deep, get(`${sort} ${order}: first page`)));
          }
        }
      }
      if (process.env.BENCH_PAGES !== "0") {
        await run("page /admin/users, one at a time", `${server.url}/admin/users`, ours, { headers: asSession, connections: 1 });
        await run("page /admin/users?q=smith, one at a time", `${server.url}/admin/users?q=smith`, ours, {
          headers: asSession,
          connections: 1,
        });
      }
      const afterMb = residentMb(server.process.pid!);

      const check = (what: string, value: string, met: boolean) => console.log(`${met ? "met   " : "MISSED"}  ${what}: ${value}`);
      // Met or missed by requests per second, as the targets are stated; the CPU share beside it is what holds on a busy machine.
      const against = (what: string, label: string, of: string, target: number) => {
        const [rps, cpu] = [share(get(label), get(of)), cpuShare(get(label), get(of))];
        check(`${what} (at least ${target} %)`, `${percent(rps).trim()}; by CPU per request ${percent(cpu).trim()}`, rps >= target);
      };
      console.log("");
      against("health, of the empty Next.js route", "health, no credentials", "floor: Next.js empty route", 80);
      against("/users/me with a token, of the empty route", "/users/me, token", "floor: Next.js empty route", 60);
      against("list with a token, of the floor's same SQL", "list, token", page.floor, 50);
      check("list with a token, p95 (under 50 ms)", `${get("list, token").p95.toFixed(0)} ms`, get("list, token").p95 < 50);
      against("list with a session, of the floor's same SQL", "list, session", page.floor, 40);
      against("search with a token, of plain pg's search", "search q=smith, token", found.plain, 100);
      against("search with a token, of the floor's search", "search q=smith, token", found.floor, 100);
      const memory = afterMb / floorMb;
      check(
        "resident memory after the load, of the floor's (at most 1.5 ×)",
        `${afterMb.toFixed(0)} MB (peak ${peakMb.toFixed(0)}) against ${floorMb.toFixed(0)} MB, ${memory.toFixed(2)} ×`,
        memory <= 1.5,
      );
      checkAttributeLists(attributeLabels, get("list, token"), get, check);
      if (deepShares.length) {
        const mean = deepShares.reduce((sum, value) => sum + value, 0) / deepShares.length;
        check(
          "deep cursor page, of the first page (mean at least 90 %)",
          `${deepShares.map((value) => percent(value).trim()).join(", ")}; mean ${percent(mean).trim()}`,
          mean >= 90,
        );
      }
      if (process.env.BENCH_PAGES !== "0") {
        const admin = get("page /admin/users, one at a time").p95;
        check("/admin/users one at a time, p95 (under 150 ms)", `${admin.toFixed(0)} ms`, admin < 150);
      }
    } finally {
      clearInterval(sampler);
      baseline.stop();
      await Promise.all([server.stop(), floor.stop()]);
    }
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
