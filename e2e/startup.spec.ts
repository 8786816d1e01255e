import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/lib/free-port";
import { startStandaloneServer } from "@/scripts/lib/standalone-server";

// These start servers of their own, so they run one at a time.
test.describe.configure({ mode: "serial" });

const validSecret = "e2e-secret-e2e-secret-e2e-secret-0123456";

test("a bad configuration stops the server with one message naming each variable", async () => {
  const failure = await startStandaloneServer(
    { DATABASE_URL: "mysql://wrong", AUTH_SECRET: "short", DATABASE_POOL_SIZE: "many" },
    await freePort(),
  ).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain("Invalid configuration");
  expect(failure).toMatch(/DATABASE_URL must be a postgresql:\/\/ connection URL/);
  expect(failure).toMatch(/AUTH_SECRET must be at least 32 characters/);
  expect(failure).toMatch(/DATABASE_POOL_SIZE/);
  expect(failure).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
});

test("with the database down, liveness holds and readiness says 503", async () => {
  const closedPort = await freePort();
  const server = await startStandaloneServer(
    { DATABASE_URL: `postgresql://nobody@127.0.0.1:${closedPort}/none`, AUTH_SECRET: validSecret, LOG_LEVEL: "fatal" },
    await freePort(),
  );
  try {
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/api/v1/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("content-type")).toBe("application/problem+json");
    expect(await ready.json()).toMatchObject({ status: 503, detail: "The database is not reachable." });
  } finally {
    await server.stop();
  }
});
