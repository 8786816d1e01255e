import http from "node:http";
import { expect, test } from "@playwright/test";
import { seedUsers } from "@/scripts/lib/seed-users";
import { call, passwordGrant } from "./support/api";
import { isListening } from "./support/child-process";
import { shared, startServer, type OpsServer } from "./support/servers";

// The export streams every user page by page as the client reads; with this many users
// it stays in flight for as long as the client holds back, on any machine.
const seededUsers = 30_000;

test.beforeAll(async () => {
  await seedUsers(shared.databaseUrl, seededUsers);
});

const exitCode = (server: OpsServer) =>
  new Promise<number | null>((resolve) => {
    if (server.process.exitCode !== null) return resolve(server.process.exitCode);
    server.process.once("exit", (code) => resolve(code));
  });

/** Starts a full export and reads only its first chunk, so that the server is held mid-stream. */
async function startExport(server: OpsServer) {
  const { access_token: token } = await passwordGrant(server.url, shared.admin.email, shared.admin.password);
  const response = await call(server.url, token, "GET", "/api/v1/users/export?format=json");
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const firstChunk = await reader.read();
  const readRest = async () => {
    const chunks = [Buffer.from(firstChunk.value ?? [])];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(Buffer.from(chunk.value));
    return Buffer.concat(chunks).toString("utf8");
  };
  return { readRest };
}

test("on SIGTERM the server stops accepting, finishes the request in flight, closes its pool and exits 0", async () => {
  const server = await startServer({ SHUTDOWN_GRACE_SECONDS: "60", LOG_LEVEL: "info" });
  const exited = exitCode(server);
  const download = await startExport(server);

  server.process.kill("SIGTERM");
  await expect.poll(() => isListening(server.port), { timeout: 20_000 }).toBe(false);
  // Not listening any more, yet still running: it waits for the export.
  expect(server.process.exitCode).toBeNull();

  const users = JSON.parse(await download.readRest()) as { email: string }[];
  expect(users.length).toBeGreaterThanOrEqual(seededUsers);
  expect(await exited).toBe(0);
  expect(server.output()).toContain('"msg":"shut down"');
  expect(server.output()).toContain('"outcome":"finished"');
});

/**
 * Sends a request's headers and holds its body back until the test lets go: the server
 * cannot answer before then, however fast the machine. It returns once the server has
 * taken the request (its "100 Continue"), so a signal sent afterwards finds it in flight.
 */
function holdRequestOpen(server: OpsServer) {
  return new Promise<http.ClientRequest>((resolve, reject) => {
    const request = http.request(`${server.url}/api/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": 64, expect: "100-continue" },
    });
    request.once("continue", () => resolve(request));
    // Once the server has cut the connection, the client sees it reset; that is the point.
    request.on("error", reject);
    request.on("response", (response) => response.resume());
    request.flushHeaders();
  });
}

test("a request still running when the grace period ends is cut, and the server exits anyway", async () => {
  const server = await startServer({ SHUTDOWN_GRACE_SECONDS: "1" });
  const exited = exitCode(server);
  const held = await holdRequestOpen(server);

  server.process.kill("SIGTERM");
  expect(await exited).toBe(1);
  expect(server.output()).toContain("grace period over");
  expect(server.output()).toContain('"outcome":"timed out"');
  held.destroy();
});
