/**
 * End-to-end tests against what the Docker image runs: the standalone production
 * server, on a database migrated with `prisma migrate deploy`, with a first superadmin
 * seeded. Playwright then drives Chromium and the HTTP API against it.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort } from "./lib/free-port";
import { e2eInstallationSettings } from "./lib/e2e-installation";
import { run } from "./lib/run";
import { randomAdmin, seedAdmin } from "./lib/seed-admin";
import { startStandaloneServer } from "./lib/standalone-server";
import { createTestDatabase } from "./lib/test-database";

const admin = randomAdmin("e2e");

async function main() {
  const database = await createTestDatabase("um_e2e");
  const authSecret = randomBytes(32).toString("base64url");
  try {
    await seedAdmin(admin, { DATABASE_URL: database.url, AUTH_SECRET: authSecret, BCRYPT_COST: e2eInstallationSettings.BCRYPT_COST });

    const port = await freePort();
    const server = await startStandaloneServer(
      {
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: database.embedded ? "1" : "5",
        AUTH_SECRET: authSecret,
        APP_URL: `http://127.0.0.1:${port}`,
        // Production turns sign-up off by default; the email specs sign people up.
        SIGN_UP_ENABLED: "true",
        ...e2eInstallationSettings,
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
          // The variant servers are instances of the same installation: they read what this one sealed.
          E2E_AUTH_SECRET: authSecret,
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
