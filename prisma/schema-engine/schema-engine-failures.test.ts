// How the schema engine fails: clear, prompt errors for unreachable, silent or wrong
// databases and unsafe shadow settings, never a hang.

import { spawn } from "node:child_process";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { engineBinary, runId, databaseUrl, createDatabase, prisma, output, cleanUpAfterAll } from "./cli-harness";

cleanUpAfterAll();

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

  test.concurrent(
    "an unreachable server is reported as P1001",
    async () => {
      const url = `postgresql://postgres@127.0.0.1:${closedPort}/nothing`;
      const [diff, deploy] = await Promise.all([
        prisma(diffAgainstDatabase, { env: { DATABASE_URL: url } }),
        prisma(["migrate", "deploy"], { env: { DATABASE_URL: url } }),
      ]);
      for (const result of [diff, deploy]) {
        expect(result.timedOut).toBe(false);
        expect(result.code, output(result)).toBe(1);
        expect(output(result)).toContain("P1001");
        expect(output(result)).toContain(`Can't reach database server at \`127.0.0.1:${closedPort}\``);
      }
    },
    60_000,
  );

  test.concurrent(
    "a server that never answers times out instead of hanging",
    async () => {
      const url = `postgresql://postgres@127.0.0.1:${silentPort}/nothing?connect_timeout=2`;
      const [diff, deploy] = await Promise.all([
        prisma(diffAgainstDatabase, { env: { DATABASE_URL: url } }),
        prisma(["migrate", "deploy"], { env: { DATABASE_URL: url } }),
      ]);
      for (const result of [diff, deploy]) {
        expect(result.timedOut).toBe(false);
        expect(result.code, output(result)).toBe(1);
        expect(output(result)).toContain("P1001");
        expect(output(result)).toMatch(/timeout/i);
      }
    },
    60_000,
  );

  test.concurrent(
    "a missing database, an empty URL and a foreign URL scheme get clear messages",
    async () => {
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
    },
    60_000,
  );

  test.concurrent(
    "a shadowDatabaseUrl that points at the main database is refused",
    async () => {
      const target = await createDatabase("guarded");
      const sameDatabase = databaseUrl(target.name, "?connect_timeout=3");
      const diff = await prisma(
        ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
        {
          env: { DATABASE_URL: target.url, SHADOW_DATABASE_URL: sameDatabase },
        },
      );
      expect(diff.code, output(diff)).toBe(1);
      expect(output(diff)).toContain("The shadow database URL points at the main database");
    },
    60_000,
  );

  test.concurrent(
    "the JSON-RPC server answers bad requests with errors",
    async () => {
      const target = await createDatabase("rpc");
      const child = spawn(process.execPath, [engineBinary, "--datasource", JSON.stringify({ url: target.url })], {
        stdio: ["pipe", "pipe", "pipe"],
      });
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
    },
    30_000,
  );
});
