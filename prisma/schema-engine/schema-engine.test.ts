// End-to-end tests of the wasm-backed schema engine: the real Prisma CLI drives it
// against databases created (and dropped) by each run on TEST_DATABASE_URL's server.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createAdapterFactory } from "./adapter.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const engineBinary = path.join(here, "schema-engine.mjs");
const prismaCli = path.join(repoRoot, "node_modules/prisma/build/index.js");

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Short and unique, so that shadow database names (which embed the main database's
// first 30 characters) can be traced back to this run.
const runId = `se_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

// Generous, but finite: a hung engine must fail the test instead of stalling the run.
const CLI_TIMEOUT_MS = 45_000;

function databaseUrl(database: string, search = ""): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  url.search = search;
  return url.toString();
}

async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const databasesOfThisRun = async () =>
  (await sql<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2 ORDER BY 1", [`${runId}%`, `prisma_shadow_${runId}%`])).map((r) => r.datname);

async function createDatabase(suffix: string): Promise<{ name: string; url: string }> {
  const name = `${runId}_${suffix}`;
  await sql(serverUrl, `CREATE DATABASE "${name}"`);
  return { name, url: databaseUrl(name) };
}

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

function prisma(args: string[], { cwd = repoRoot, env = {} }: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd,
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: engineBinary,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        SHADOW_DATABASE_URL: undefined,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, CLI_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/** Everything the CLI printed, for assertions and readable failure messages. */
const output = (r: CliResult) => `${r.stdout}\n${r.stderr}`;

/**
 * A throwaway project sharing the repository's config, schema, migrations and
 * node_modules, so commands that write migrations leave the repository untouched.
 */
function scratchProject(editSchema: (schema: string) => string = (s) => s): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${runId}-`));
  cpSync(path.join(repoRoot, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  cpSync(path.join(repoRoot, "prisma/migrations"), path.join(dir, "prisma/migrations"), { recursive: true });
  writeFileSync(path.join(dir, "prisma/schema.prisma"), editSchema(readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8")));
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

const addNicknameColumn = (schema: string) => schema.replace(/(\n\s*name\s+String\?)/, "$1\n  nickname String?");

const scratchDirs: string[] = [];

afterAll(async () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  for (const name of await databasesOfThisRun()) await sql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}, 30_000);

describe("schema engine on PostgreSQL", () => {
  let main: { name: string; url: string };

  beforeAll(async () => {
    main = await createDatabase("main");
  });

  test("migrate deploy applies the migrations and migrate status reports the database up to date", async () => {
    const deploy = await prisma(["migrate", "deploy"], { env: { DATABASE_URL: main.url } });
    expect(deploy.timedOut).toBe(false);
    expect(deploy.code, output(deploy)).toBe(0);
    expect(deploy.stdout).toContain("All migrations have been successfully applied.");

    const status = await prisma(["migrate", "status"], { env: { DATABASE_URL: main.url } });
    expect(status.code, output(status)).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date!");

    const applied = await sql<{ migration_name: string }>(main.url, "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    const onDisk = readdirSync(path.join(repoRoot, "prisma/migrations")).filter((entry) => !entry.endsWith(".toml"));
    expect(applied.map((r) => r.migration_name).sort()).toEqual(onDisk.sort());

    // The hand-written part of the init migration went in as well.
    await sql(main.url, "INSERT INTO users (id, email, updated_at) VALUES (gen_random_uuid(), 'kept@example.com', now())");
    await expect(sql(main.url, "INSERT INTO users (id, email, updated_at) VALUES (gen_random_uuid(), 'Mixed@Example.com', now())")).rejects.toMatchObject({ code: "23514" });
  }, 60_000);

  test("migrate diff finds no drift between the migrations, the schema and the deployed database", async () => {
    const fromMigrations = await prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], { env: { DATABASE_URL: main.url } });
    expect(fromMigrations.code, output(fromMigrations)).toBe(0);
    expect(fromMigrations.stdout).toContain("No difference detected.");

    const fromDatabase = await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"], { env: { DATABASE_URL: main.url } });
    expect(fromDatabase.code, output(fromDatabase)).toBe(0);
    expect(fromDatabase.stdout).toContain("No difference detected.");
  }, 60_000);

  test("migrate diff exits with 2 when the schema no longer matches the migrations", async () => {
    const dir = scratchProject(addNicknameColumn);
    scratchDirs.push(dir);
    const diff = await prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], { cwd: dir, env: { DATABASE_URL: main.url } });
    expect(diff.code, output(diff)).toBe(2);
    expect(diff.stdout).toContain("Added column `nickname`");
  }, 60_000);

  test("migrate dev --create-only works in a shadow database and leaves the main database alone", async () => {
    const dir = scratchProject(addNicknameColumn);
    scratchDirs.push(dir);
    const before = await sql(main.url, "SELECT email FROM users ORDER BY email");
    const migrationsBefore = await sql(main.url, "SELECT id, checksum FROM _prisma_migrations ORDER BY id");

    const dev = await prisma(["migrate", "dev", "--create-only", "--name", "add_nickname"], { cwd: dir, env: { DATABASE_URL: main.url } });
    expect(dev.code, output(dev)).toBe(0);
    const created = readdirSync(path.join(dir, "prisma/migrations")).find((entry) => entry.endsWith("_add_nickname"));
    expect(created, output(dev)).toBeDefined();
    expect(readFileSync(path.join(dir, "prisma/migrations", created!, "migration.sql"), "utf8")).toMatch(/ADD COLUMN\s+"nickname" TEXT/);

    // Replaying the history into the main database instead of a shadow one would have
    // failed on the existing types, or wiped the data and migration records.
    expect(await sql(main.url, "SELECT email FROM users ORDER BY email")).toEqual(before);
    expect(await sql(main.url, "SELECT id, checksum FROM _prisma_migrations ORDER BY id")).toEqual(migrationsBefore);
    expect(await sql(main.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'")).toEqual([]);

    // The CLI may stop the engine before its cleanup has finished; give that a moment.
    await vi.waitFor(async () => expect(await databasesOfThisRun()).toEqual([main.name]), { timeout: 10_000, interval: 200 });
  }, 60_000);

  test("the adapter's shadow database is a new database, closed before it is dropped", async () => {
    const adapters = createAdapterFactory({ url: main.url });
    const logs = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const shadow = await adapters.factory.connectToShadowDb();
      if (!shadow.ok) throw new Error(`connectToShadowDb failed: ${JSON.stringify(shadow.error)}`);
      const current = await shadow.value.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] });
      if (!current.ok) throw new Error(JSON.stringify(current.error));
      const shadowName = String(current.value.rows[0]?.[0]);
      expect(shadowName).not.toBe(main.name);
      expect(shadowName).toMatch(/^prisma_shadow_/);
      expect(await databasesOfThisRun()).toContain(shadowName);

      expect((await shadow.value.dispose()).ok).toBe(true);
      expect(await databasesOfThisRun()).not.toContain(shadowName);
      // A drop that had to force connections closed logs a warning.
      expect(logs.mock.calls.map(([line]) => String(line)).join("")).not.toContain("still in use");
    } finally {
      logs.mockRestore();
      await adapters.close();
    }
  }, 30_000);

  test('"char" catalog columns reach the engine as characters', async () => {
    const adapters = createAdapterFactory({ url: main.url });
    try {
      const adapter = await adapters.factory.connect();
      if (!adapter.ok) throw new Error(JSON.stringify(adapter.error));
      const result = await adapter.value.queryRaw({ sql: `SELECT 'c'::"char" AS kind, 'x'::text AS label`, args: [], argTypes: [] });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.value.columnTypes).toEqual([ColumnTypeEnum.Character, ColumnTypeEnum.Text]);
      expect(result.value.rows).toEqual([["c", "x"]]);
    } finally {
      await adapters.close();
    }
  }, 30_000);
});

describe("schema engine failures", () => {
  let silentServer: Server;
  const silentSockets: Socket[] = [];
  let silentPort: number;
  let closedPort: number;

  beforeAll(async () => {
    // Accepts TCP connections and never answers, like a firewalled or hung server.
    silentServer = createServer((socket) => silentSockets.push(socket));
    await new Promise<void>((resolve) => silentServer.listen(0, "127.0.0.1", resolve));
    silentPort = (silentServer.address() as AddressInfo).port;
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });

  afterAll(() => {
    for (const socket of silentSockets) socket.destroy();
    silentServer.close();
  });

  const diffAgainstDatabase = ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"];

  test.concurrent("an unreachable server is reported as P1001", async () => {
    const url = `postgresql://postgres@127.0.0.1:${closedPort}/nothing`;
    const [diff, deploy] = await Promise.all([prisma(diffAgainstDatabase, { env: { DATABASE_URL: url } }), prisma(["migrate", "deploy"], { env: { DATABASE_URL: url } })]);
    for (const result of [diff, deploy]) {
      expect(result.timedOut).toBe(false);
      expect(result.code, output(result)).toBe(1);
      expect(output(result)).toContain("P1001");
      expect(output(result)).toContain(`Can't reach database server at \`127.0.0.1:${closedPort}\``);
    }
  }, 60_000);

  test.concurrent("a server that never answers times out instead of hanging", async () => {
    const url = `postgresql://postgres@127.0.0.1:${silentPort}/nothing?connect_timeout=2`;
    const [diff, deploy] = await Promise.all([prisma(diffAgainstDatabase, { env: { DATABASE_URL: url } }), prisma(["migrate", "deploy"], { env: { DATABASE_URL: url } })]);
    for (const result of [diff, deploy]) {
      expect(result.timedOut).toBe(false);
      expect(result.code, output(result)).toBe(1);
      expect(output(result)).toContain("P1001");
      expect(output(result)).toMatch(/timeout/i);
    }
  }, 60_000);

  test.concurrent("a missing database, an empty URL and a foreign URL scheme get clear messages", async () => {
    const [missing, empty, foreign] = await Promise.all([
      prisma(diffAgainstDatabase, { env: { DATABASE_URL: databaseUrl(`${runId}_missing`) } }),
      prisma(diffAgainstDatabase, { env: { DATABASE_URL: "" } }),
      prisma(diffAgainstDatabase, { env: { DATABASE_URL: "mysql://root@127.0.0.1:3306/app" } }),
    ]);
    for (const result of [missing, empty, foreign]) {
      expect(result.timedOut).toBe(false);
      expect(result.code, output(result)).toBe(1);
    }
    expect(output(missing)).toContain(`P1003`);
    expect(output(missing)).toContain(`Database \`${runId}_missing\` does not exist`);
    expect(output(empty)).toContain("The datasource URL is empty");
    expect(output(foreign)).toContain("only supports postgresql:// URLs");
  }, 60_000);

  test.concurrent("a shadowDatabaseUrl that points at the main database is refused", async () => {
    const target = await createDatabase("guarded");
    const sameDatabase = databaseUrl(target.name, "?connect_timeout=3");
    const diff = await prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], {
      env: { DATABASE_URL: target.url, SHADOW_DATABASE_URL: sameDatabase },
    });
    expect(diff.code, output(diff)).toBe(1);
    expect(output(diff)).toContain("The shadow database URL points at the main database");
  }, 60_000);

  test.concurrent("the JSON-RPC server answers bad requests with errors", async () => {
    const target = await createDatabase("rpc");
    const child = spawn(process.execPath, [engineBinary, "--datasource", JSON.stringify({ url: target.url })], { stdio: ["pipe", "pipe", "pipe"] });
    const responses: unknown[] = [];
    let buffer = "";
    child.stdout.on("data", (d) => {
      buffer += d;
      for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
        responses.push(JSON.parse(buffer.slice(0, i)));
        buffer = buffer.slice(i + 1);
      }
    });
    const requests = [
      "not json",
      { jsonrpc: "2.0", id: 1, method: "noSuchMethod", params: {} },
      { jsonrpc: "2.0", id: 2, method: "getDatabaseVersion" },
      // The engine throws on params it cannot deserialize, from inside async wasm code.
      { jsonrpc: "2.0", id: 3, method: "applyMigrations", params: {} },
      { jsonrpc: "2.0", id: 4, method: "getDatabaseVersion" },
    ];
    for (const request of requests) child.stdin.write(`${typeof request === "string" ? request : JSON.stringify(request)}\n`);
    child.stdin.end();
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(responses).toMatchObject([
      { id: null, error: { code: -32700 } },
      { id: 1, error: { code: -32601, data: { message: expect.stringContaining("noSuchMethod") } } },
      { id: 2, result: expect.stringContaining("PostgreSQL") },
      { id: 3, error: { data: { is_panic: false, message: expect.stringContaining("migrationsList") } } },
      // The wasm instance is in an unknown state after that, so it refuses further work.
      { id: 4, error: { data: { message: expect.stringContaining("cannot serve more requests") } } },
    ]);
    expect(code).toBe(101);
  }, 30_000);
});
