import { expect, test } from "@playwright/test";
import pg from "pg";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { signInWithPassword } from "@/scripts/lib/session-client";
import { call, passwordGrant } from "./support/api";
import { startPostgresCluster, type PostgresCluster } from "./support/postgres-cluster";
import { shared, startServer, type OpsServer } from "./support/servers";

const outageMs = 10_000;
// The pool gives up on a connection after DATABASE_CONNECT_TIMEOUT_SECONDS (2 here); the
// rest is room for a busy machine. A request that takes longer hangs.
const slowestAnswerMs = 10_000;

type Outcome = { operation: string; status: number; ms: number; email?: string; problem?: boolean; retryAfter?: string | null };

let cluster: PostgresCluster;
let server: OpsServer;
let stopLoad: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE usermanager");
  await admin.end();
  await migrateDeploy(cluster.url("usermanager"));
  server = await startServer({
    DATABASE_URL: cluster.url("usermanager"),
    DATABASE_CONNECT_TIMEOUT_SECONDS: "2",
    ADMIN_EMAIL: shared.admin.email,
    ADMIN_PASSWORD: shared.admin.password,
  });
});

test.afterAll(async () => {
  await stopLoad?.();
  await server?.stop();
  await cluster?.destroy();
});

/** Clients that keep creating and listing users until told to stop, recording every answer. */
function startLoad(token: string, clients: number) {
  const outcomes: Outcome[] = [];
  let running = true;
  const client = async (clientIndex: number) => {
    for (let round = 0; running; round++) {
      const email = `load-${clientIndex}-${round}-${Date.now()}@example.test`;
      const started = Date.now();
      const operation = round % 2 === 0 ? "create" : "list";
      const request =
        operation === "create"
          ? call(server.url, token, "POST", "/api/v1/users", { email, invite: true })
          : call(server.url, token, "GET", "/api/v1/users?limit=5");
      // A broken connection counts as an answer too: status 0, which the test refuses.
      const response = await request.then(async (answer) => (await answer.arrayBuffer(), answer)).catch(() => undefined);
      outcomes.push({
        operation,
        status: response?.status ?? 0,
        ms: Date.now() - started,
        email: operation === "create" ? email : undefined,
        problem: response?.headers.get("content-type") === "application/problem+json",
        retryAfter: response?.headers.get("retry-after"),
      });
      // Keeps a few clients from saturating a small machine.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  const stop = async () => {
    running = false;
    await done;
  };
  return { outcomes, stop };
}

test("a database outage answers 503 with Retry-After, the server recovers alone, and no acknowledged write is lost", async ({ page }) => {
  const { access_token: token } = await passwordGrant(server.url, shared.admin.email, shared.admin.password);
  const browser = await signInWithPassword(server.url, shared.admin.email, shared.admin.password);
  const load = startLoad(token, 4);
  stopLoad = load.stop;
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  await cluster.stop();
  const downSince = Date.now();
  const ready = await fetch(`${server.url}/api/v1/health/ready`);
  expect(ready.status).toBe(503);
  const api = await call(server.url, token, "GET", "/api/v1/users/me");
  expect(api.status).toBe(503);
  expect(api.headers.get("content-type")).toBe("application/problem+json");
  expect(api.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(await api.json()).toMatchObject({ status: 503, code: "unavailable" });
  await page.context().addCookies(
    browser.cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: server.url };
    }),
  );
  await page.goto(`${server.url}/admin`);
  await expect(page.getByRole("heading", { name: "This page could not be loaded." })).toBeVisible();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageMs - (Date.now() - downSince))));
  await cluster.start();

  // No restart: the same process becomes ready again, and serves.
  await expect.poll(async () => (await fetch(`${server.url}/api/v1/health/ready`)).status, { timeout: 30_000 }).toBe(200);
  await expect.poll(async () => (await call(server.url, token, "GET", "/api/v1/users/me")).status, { timeout: 30_000 }).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await load.stop();
  expect(server.process.exitCode).toBeNull();

  const { outcomes } = load;
  const unexpected = outcomes.filter(
    (outcome) => !(outcome.status < 300 || (outcome.status === 503 && outcome.problem && outcome.retryAfter)),
  );
  const errors = server
    .output()
    .split("\n")
    .filter((line) => line.includes('"level":50'));
  expect(unexpected, `errors the server logged:\n${errors.join("\n")}`).toEqual([]);
  expect(outcomes.filter((outcome) => outcome.status === 503).length).toBeGreaterThan(0);
  expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(slowestAnswerMs);

  const acknowledged = outcomes
    .filter((outcome) => outcome.operation === "create" && outcome.status === 201)
    .map((outcome) => outcome.email!);
  const database = new pg.Client({ connectionString: cluster.url("usermanager") });
  await database.connect();
  const stored = await database.query<{ email: string }>("SELECT email FROM users WHERE email = ANY($1)", [acknowledged]);
  await database.end();
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(stored.rows.map((row) => row.email).sort()).toEqual([...acknowledged].sort());
});
