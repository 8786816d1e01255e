/**
 * End-to-end tests against what the Docker image runs: the standalone production
 * server, on a database migrated with `prisma migrate deploy`, with a first superadmin
 * seeded. Playwright then drives Chromium and the HTTP API against it.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort } from "./lib/free-port";
import { run } from "./lib/run";
import { randomAdmin, seedAdmin } from "./lib/seed-admin";
import { startStandaloneServer } from "./lib/standalone-server";
import { createTestDatabase } from "./lib/test-database";

const admin = randomAdmin("e2e");

async function main() {
  const database = await createTestDatabase("um_e2e");
  const authSecret = randomBytes(32).toString("base64url");
  try {
    // The lowest bcrypt cost the configuration accepts, as in the service tests: on a busy
    // machine each cost-12 hash takes seconds, longer than a page assertion waits.
    const bcryptCost = "10";
    await seedAdmin(admin, { DATABASE_URL: database.url, AUTH_SECRET: authSecret, BCRYPT_COST: bcryptCost });

    const port = await freePort();
    const server = await startStandaloneServer(
      {
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: database.embedded ? "1" : "5",
        AUTH_SECRET: authSecret,
        APP_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: "warn",
        // Every spec signs in and mails from 127.0.0.1, most as the same admin; the limits
        // themselves are tested in the service tests, the per-address delay in
        // e2e/auth-api.spec.ts and e2e/client-address.spec.ts.
        RATE_LIMIT_SIGN_IN_PER_IP: "10000",
        RATE_LIMIT_SIGN_IN_PER_ACCOUNT: "10000",
        RATE_LIMIT_IP_PER_HOUR: "10000",
        // Production turns sign-up off by default; the email specs sign people up.
        SIGN_UP_ENABLED: "true",
        BCRYPT_COST: bcryptCost,
        // e2e/webhooks.spec.ts receives deliveries on 127.0.0.1 over plain http.
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      },
      port,
    );
    try {
      await run(path.resolve("node_modules/.bin/playwright"), ["test", "-c", "e2e", ...process.argv.slice(2)], {
        env: {
          ...process.env,
          E2E_BASE_URL: server.url,
          E2E_ADMIN_EMAIL: admin.email,
          E2E_ADMIN_PASSWORD: admin.password,
          E2E_DATABASE_URL: database.url,
        },
      });
    } finally {
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
