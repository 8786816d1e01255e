/**
 * `npm run bench:stats`: seeds 100,000 users (`BENCH_USERS`) and 1,000,000 audit events
 * (`BENCH_EVENTS`) spread over the last year, plus 120 days of daily activity, into a
 * scratch database on TEST_DATABASE_URL's server, then times the overview figures
 * (`getStats`, which both /admin and GET /api/v1/stats read) one call at a time for 7,
 * 30 and 90 days, and, when a standalone build exists, the /admin page itself (unless
 * `BENCH_PAGE=0`, e.g. to time a change of the queries that the build does not hold).
 *
 * The machine is shared and noisy, so every timed call is paired with a baseline taken
 * just before it in the same run (a `SELECT 1` round trip for the service, the health
 * check for the page), and the output gives the ratio of the two p95s as well as
 * milliseconds. `BENCH_DATABASE_URL` reuses a database seeded by an earlier run (its
 * migrations are applied first, so new indexes are measured), and keeps it afterwards.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import pg from "pg";
import { freePort } from "@/scripts/lib/free-port";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { run } from "@/scripts/lib/run";
import { randomAdmin, seedAdmin } from "@/scripts/lib/seed-admin";
import { seedUsers } from "@/scripts/lib/seed-users";
import { signInWithPassword } from "@/scripts/lib/session-client";
import { prepareStandaloneBuild, startStandaloneServer } from "@/scripts/lib/standalone-server";
import { createTestDatabase } from "@/scripts/lib/test-database";

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
const eventCount = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const ranges = [7, 30, 90];

async function seedEvents(client: pg.Client) {
  const ids = (await client.query<{ id: string; email: string }>("SELECT id, email FROM users")).rows;
  // Batches of 50,000 rows, each user in turn as the actor: half sign-ins, a tenth
  // failures, the rest changes and lockouts, at random moments of the last 365 days.
  for (let done = 0; done < eventCount; done += 50_000) {
    const size = Math.min(50_000, eventCount - done);
    const picks = Array.from({ length: size }, (_, index) => ids[(done + index) % ids.length]!);
    await client.query(
      `INSERT INTO audit_events (id, at, actor_id, actor_email, action, target_type, target_id, after)
       SELECT gen_random_uuid(), now() - (random() * interval '365 days'), actor, email, a.action, 'user', actor::text,
              CASE WHEN a.action = 'auth.sign_in_failed' THEN jsonb_build_object('reason', (ARRAY['wrong_password','unknown_email','account_disabled'])[1 + (n % 3)]) END
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS p(actor, email, n)
       CROSS JOIN LATERAL (SELECT (ARRAY['auth.sign_in','auth.sign_in','auth.sign_in','auth.sign_in','auth.sign_in',
         'auth.sign_in_failed','user.updated','user.disabled','member.added','auth.locked_out'])[1 + (n % 10)::int] AS action) a`,
      [picks.map((pick) => pick.id), picks.map((pick) => pick.email)],
    );
  }
  // One user in twenty active on any given day of the last 120 (90 shown, plus 30 for MAU).
  await client.query(`
    INSERT INTO user_activity_days (day, user_id)
    SELECT d::date, u.id FROM generate_series(current_date - 119, current_date, interval '1 day') d
    JOIN users u ON random() < 0.05 ON CONFLICT DO NOTHING`);
}

/** Seeds users, events and activity unless the database already holds events. */
/**
 * A running installation seals its events into the hash chain seconds after they are
 * written, and autovacuum then marks the pages visible; so the seeded events are sealed
 * (and the chain verified) before the VACUUM, by the same command an operator runs.
 * Otherwise the server measured below would seal a million rows while being timed.
 */
async function sealAndVerify(client: pg.Client, url: string) {
  const [{ unsealed }] = (await client.query<{ unsealed: number }>("SELECT count(*)::int AS unsealed FROM audit_events WHERE seq IS NULL"))
    .rows as [{ unsealed: number }];
  if (unsealed === 0) return;
  const started = performance.now();
  await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0" },
  });
  console.log(`Sealed and verified ${unsealed} audit events in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ seeded }] = (await client.query<{ seeded: boolean }>("SELECT EXISTS (SELECT FROM audit_events) AS seeded")).rows as [
      { seeded: boolean },
    ];
    if (seeded) console.log("Reusing the seeded database.");
    else {
      const started = performance.now();
      await seedUsers(url, userCount);
      await seedEvents(client);
      console.log(`Seeded ${userCount} users and ${eventCount} audit events in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    }
    await sealAndVerify(client, url);
  } finally {
    // Statistics as a long-running installation would have them, also after new indexes.
    await client.query("VACUUM ANALYZE");
    await client.end();
  }
}

async function openDatabase() {
  const reused = process.env.BENCH_DATABASE_URL;
  if (!reused) return createTestDatabase("um_bench_stats");
  await migrateDeploy(reused);
  return { url: reused, dispose: async () => {} };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/** Times `measured` `runs` times after two warm-up calls, each time right after one call of `baseline`. */
async function timePaired(baseline: () => Promise<unknown>, measured: () => Promise<unknown>) {
  const base: number[] = [];
  const timings: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    let started = performance.now();
    await baseline();
    const baseTime = performance.now() - started;
    started = performance.now();
    await measured();
    if (run < 2) continue;
    base.push(baseTime);
    timings.push(performance.now() - started);
  }
  return { base, timings };
}

function report(label: string, { base, timings }: { base: number[]; timings: number[] }, baseLabel: string) {
  const [p50, p95, b50, b95] = [percentile(timings, 50), percentile(timings, 95), percentile(base, 50), percentile(base, 95)];
  console.log(
    `${label.padEnd(16)} p50 ${p50.toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms  |  ${baseLabel} p50 ${b50.toFixed(1)} ms  p95 ${b95.toFixed(1)} ms  |  ratio p50 ${(p50 / b50).toFixed(0)}×  p95 ${(p95 / b95).toFixed(0)}×  (${runs} calls, load ${loadavg()[0]!.toFixed(1)})`,
  );
}

async function benchService(url: string) {
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0";
  const { getStats } = await import("@/lib/services/stats/get-stats");
  const { addDays, utcDate } = await import("@/lib/schemas/stats");
  const { db, disconnectDb } = await import("@/lib/db");
  const actor = {
    userId: crypto.randomUUID(),
    email: "bench@example.test",
    role: "superadmin" as const,
    via: "session" as const,
    sessionId: null,
    apiTokenId: null,
    scopes: null,
    organizationId: null,
  };
  const to = utcDate(new Date());
  const selectOne = () => db().$queryRaw`SELECT 1`;
  for (const days of ranges) {
    report(
      `getStats ${days} d`,
      await timePaired(selectOne, () => getStats({ actor, query: { from: addDays(to, 1 - days), to } })),
      "SELECT 1",
    );
  }
  await disconnectDb();
}

/** Times the /admin page, which renders the same figures, against the health check on the same server. */
async function benchPage(url: string) {
  const admin = randomAdmin("bench-stats");
  const authSecret = randomBytes(32).toString("base64url");
  // A reused database still holds the previous run's admin, whose password is lost; only
  // an installation without a superadmin gets a first one.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DELETE FROM users WHERE email = $1", [admin.email]).finally(() => client.end());
  await seedAdmin(admin, { DATABASE_URL: url, AUTH_SECRET: authSecret });
  const port = await freePort();
  const server = await startStandaloneServer(
    { DATABASE_URL: url, AUTH_SECRET: authSecret, APP_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "warn" },
    port,
  );
  try {
    const session = await signInWithPassword(server.url, admin.email, admin.password);
    if (!session.cookie.includes("authjs.session-token=")) throw new Error(`Sign-in failed with ${session.status}.`);
    const health = () => fetch(`${server.url}/api/v1/health`).then((response) => response.text());
    for (const days of ranges) {
      const page = async () => {
        const response = await session.request(`/admin?range=${days}`);
        const html = await response.text();
        if (response.status !== 200 || !html.includes("Overview")) throw new Error(`/admin answered ${response.status}.`);
      };
      report(`/admin ${days} d`, await timePaired(health, page), "health");
    }
  } finally {
    await server.stop();
  }
}

function hasStandaloneBuild() {
  try {
    prepareStandaloneBuild();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const database = await openDatabase();
  try {
    await seed(database.url);
    // The page first: seeding its admin reads the configuration, which a process reads once.
    if (process.env.BENCH_PAGE === "0") console.log("BENCH_PAGE=0: the /admin page was not measured.");
    else if (hasStandaloneBuild()) await benchPage(database.url);
    else console.log("No standalone build (`next build`): the /admin page was not measured.");
    await benchService(database.url);
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
