// The harness of the schema engine's tests: the real Prisma CLI driving the engine
// against databases created (and dropped) by each test file on TEST_DATABASE_URL's server.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll } from "vitest";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const engineBinary = path.join(here, "schema-engine.mjs");
export const prismaCli = path.join(repoRoot, "node_modules/prisma/build/index.js");

export const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Short and unique, so that shadow database names (which embed the main database's
// first 30 characters) can be traced back to this run.
export const runId = `se_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

// Generous, but finite: a hung engine must fail the test instead of stalling the run.
export const CLI_TIMEOUT_MS = 45_000;

export function databaseUrl(database: string, search = ""): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  url.search = search;
  return url.toString();
}

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export const databasesOfThisRun = async () =>
  (
    await sql<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2 ORDER BY 1", [
      `${runId}%`,
      `prisma_shadow_${runId}%`,
    ])
  ).map((r) => r.datname);

export async function createDatabase(suffix: string): Promise<{ name: string; url: string }> {
  const name = `${runId}_${suffix}`;
  await sql(serverUrl, `CREATE DATABASE "${name}"`);
  return { name, url: databaseUrl(name) };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export function prisma(
  args: string[],
  { cwd = repoRoot, env = {} }: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
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
export const output = (r: CliResult) => `${r.stdout}\n${r.stderr}`;

/**
 * A throwaway project sharing the repository's config, schema, migrations and
 * node_modules, so commands that write migrations leave the repository untouched.
 */
export function scratchProject(editSchema: (schema: string) => string = (s) => s): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${runId}-`));
  cpSync(path.join(repoRoot, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  cpSync(path.join(repoRoot, "prisma/migrations"), path.join(dir, "prisma/migrations"), { recursive: true });
  writeFileSync(path.join(dir, "prisma/schema.prisma"), editSchema(readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8")));
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

export const addPronounsColumn = (schema: string) => schema.replace(/(\n\s*name\s+String\?)/, "$1\n  pronouns String?");

export const scratchDirs: string[] = [];

/** Drops every database and scratch folder this test file made, after its tests. */
export function cleanUpAfterAll(): void {
  afterAll(async () => {
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
    for (const name of await databasesOfThisRun()) await sql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }, 30_000);
}
