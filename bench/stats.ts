/**
 * `npm run bench:stats`: seeds 100,000 users (`BENCH_USERS`) and 1,000,000 audit events
 * (`BENCH_EVENTS`) spread over the last year, plus 120 days of daily activity, into a
 * scratch database on TEST_DATABASE_URL's server, then times the overview figures
 * (`getStats`, which both /admin and GET /api/v1/stats read) one call at a time for 7,
 * 30 and 90 days. Prints p50/p95 per range.
 */
import { loadavg } from "node:os";
import pg from "pg";
import { createTestDatabase } from "@/scripts/lib/test-database";
import { seedUsers } from "@/scripts/lib/seed-users";

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
const eventCount = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 20);

async function seedEvents(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
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
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function main() {
  const database = await createTestDatabase("um_bench_stats");
  try {
    let started = performance.now();
    await seedUsers(database.url, userCount);
    await seedEvents(database.url);
    console.log(`Seeded ${userCount} users and ${eventCount} audit events in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    process.env.DATABASE_URL = database.url;
    process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0";
    const { getStats } = await import("@/lib/services/stats/get-stats");
    const { addDays, utcDate } = await import("@/lib/schemas/stats");
    const { disconnectDb } = await import("@/lib/db");
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
    for (const days of [7, 30, 90]) {
      const timings: number[] = [];
      for (let run = 0; run < runs + 2; run++) {
        started = performance.now();
        await getStats({ actor, query: { from: addDays(to, 1 - days), to } });
        if (run >= 2) timings.push(performance.now() - started);
      }
      console.log(
        `${days} days: p50 ${percentile(timings, 50).toFixed(0)} ms, p95 ${percentile(timings, 95).toFixed(0)} ms (${runs} calls, load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
    await disconnectDb();
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
