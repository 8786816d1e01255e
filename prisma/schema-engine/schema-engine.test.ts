// End-to-end tests of the wasm-backed schema engine: the real Prisma CLI drives it
// against databases created (and dropped) by each run on TEST_DATABASE_URL's server.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { createAdapterFactory } from "./adapter.mjs";
import {
  repoRoot,
  sql,
  databasesOfThisRun,
  createDatabase,
  prisma,
  output,
  scratchProject,
  addPronounsColumn,
  scratchDirs,
  cleanUpAfterAll,
} from "./cli-harness";

cleanUpAfterAll();

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

    const applied = await sql<{ migration_name: string }>(
      main.url,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    const onDisk = readdirSync(path.join(repoRoot, "prisma/migrations")).filter((entry) => !entry.endsWith(".toml"));
    expect(applied.map((r) => r.migration_name).sort()).toEqual(onDisk.sort());

    // The hand-written part of the init migration went in as well.
    await sql(main.url, "INSERT INTO users (id, email, updated_at) VALUES (gen_random_uuid(), 'kept@example.com', now())");
    await expect(
      sql(main.url, "INSERT INTO users (id, email, updated_at) VALUES (gen_random_uuid(), 'Mixed@Example.com', now())"),
    ).rejects.toMatchObject({ code: "23514" });
  }, 60_000);

  test("migrate diff finds no drift between the migrations, the schema and the deployed database", async () => {
    const fromMigrations = await prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { env: { DATABASE_URL: main.url } },
    );
    expect(fromMigrations.code, output(fromMigrations)).toBe(0);
    expect(fromMigrations.stdout).toContain("No difference detected.");

    const fromDatabase = await prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { env: { DATABASE_URL: main.url } },
    );
    expect(fromDatabase.code, output(fromDatabase)).toBe(0);
    expect(fromDatabase.stdout).toContain("No difference detected.");
  }, 60_000);

  test("migrate diff exits with 2 when the schema no longer matches the migrations", async () => {
    const dir = scratchProject(addPronounsColumn);
    scratchDirs.push(dir);
    const diff = await prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { cwd: dir, env: { DATABASE_URL: main.url } },
    );
    expect(diff.code, output(diff)).toBe(2);
    expect(diff.stdout).toContain("Added column `pronouns`");
  }, 60_000);

  test("migrate dev --create-only works in a shadow database and leaves the main database alone", async () => {
    const dir = scratchProject(addPronounsColumn);
    scratchDirs.push(dir);
    const before = await sql(main.url, "SELECT email FROM users ORDER BY email");
    const migrationsBefore = await sql(main.url, "SELECT id, checksum FROM _prisma_migrations ORDER BY id");

    const dev = await prisma(["migrate", "dev", "--create-only", "--name", "add_pronouns"], { cwd: dir, env: { DATABASE_URL: main.url } });
    expect(dev.code, output(dev)).toBe(0);
    const created = readdirSync(path.join(dir, "prisma/migrations")).find((entry) => entry.endsWith("_add_pronouns"));
    expect(created, output(dev)).toBeDefined();
    expect(readFileSync(path.join(dir, "prisma/migrations", created!, "migration.sql"), "utf8")).toMatch(/ADD COLUMN\s+"pronouns" TEXT/);

    // Replaying the history into the main database instead of a shadow one would have
    // failed on the existing types, or wiped the data and migration records.
    expect(await sql(main.url, "SELECT email FROM users ORDER BY email")).toEqual(before);
    expect(await sql(main.url, "SELECT id, checksum FROM _prisma_migrations ORDER BY id")).toEqual(migrationsBefore);
    expect(
      await sql(main.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'pronouns'"),
    ).toEqual([]);

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
