import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createScratchDatabase, dropDatabase } from "@/scripts/lib/postgres-server";
import { run } from "@/scripts/lib/run";
import { signInWithPassword } from "@/scripts/lib/session-client";
import { call, createUser, passwordGrant } from "./support/api";
import { startPgbouncer, type Pooler } from "./support/pgbouncer";
import { shared, startServer, type OpsServer } from "./support/servers";

let directUrl: string;
let pooler: Pooler;
let server: OpsServer;

test.beforeAll(async () => {
  directUrl = await createScratchDatabase(process.env.TEST_DATABASE_URL!, "um_pgbouncer");
  pooler = await startPgbouncer(directUrl);
});

test.afterAll(async () => {
  await server?.stop();
  await pooler?.stop();
  if (directUrl) await dropDatabase(directUrl);
});

/** Transactions PgBouncer has pooled for the database, from its admin console. */
async function pooledTransactions(): Promise<number> {
  const adminConsole = new pg.Client({ connectionString: pooler.url.replace(/\/[^/]*$/, "/pgbouncer") });
  await adminConsole.connect();
  try {
    const { rows } = await adminConsole.query<{ database: string; total_xact_count: string }>("SHOW STATS");
    return Number(rows.find((row) => row.database === new URL(directUrl).pathname.slice(1))?.total_xact_count ?? 0);
  } finally {
    await adminConsole.end();
  }
}

test("behind PgBouncer in transaction mode: migrations go direct, and the app signs in, lists, creates and runs transactions", async () => {
  // What the image's entrypoint and `npm run db:migrate` do with both URLs set.
  await run(process.execPath, [path.resolve("scripts/prisma.mjs"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: pooler.url, DIRECT_DATABASE_URL: directUrl },
  });

  server = await startServer({
    DATABASE_URL: pooler.url,
    DIRECT_DATABASE_URL: directUrl,
    ADMIN_EMAIL: shared.admin.email,
    ADMIN_PASSWORD: shared.admin.password,
  });
  const before = await pooledTransactions();

  const { access_token: token } = await passwordGrant(server.url, shared.admin.email, shared.admin.password);
  const browser = await signInWithPassword(server.url, shared.admin.email, shared.admin.password);
  expect((await browser.request("/api/v1/users/me")).status).toBe(200);

  const user = await createUser(server.url, token, "pooled");
  const list = await call(server.url, token, "GET", `/api/v1/users?q=${encodeURIComponent(user.email)}&page=1`);
  expect(list.status).toBe(200);
  expect(await list.json()).toMatchObject({ total: 1, data: [{ email: user.email }] });

  // An organization, its built-in roles and its owner's membership are written in one transaction.
  const slug = `pooled-${randomBytes(3).toString("hex")}`;
  const organization = await call(server.url, token, "POST", "/api/v1/organizations", { name: "Pooled", slug });
  expect(organization.status).toBe(201);
  const { id } = (await organization.json()) as { id: string };
  const members = await call(server.url, token, "GET", `/api/v1/organizations/${id}/members`);
  expect(members.status).toBe(200);

  // Many requests at once share PgBouncer's five server connections without a failure.
  const statuses = await Promise.all(
    Array.from({ length: 20 }, () => call(server.url, token, "GET", "/api/v1/users?limit=5").then((r) => r.status)),
  );
  expect(statuses.every((status) => status === 200)).toBe(true);

  expect(await pooledTransactions()).toBeGreaterThan(before);
});
