/**
 * Operations tests: database outages, graceful shutdown, two instances behind a load
 * balancer, PgBouncer. Each spec starts its own standalone servers (from the build that
 * `npm run test:e2e` made), proxies and clusters; this runner prepares the one database
 * they share, with a superadmin, and runs them with Playwright's test runner.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { run } from "./lib/run";
import { randomAdmin, seedAdmin } from "./lib/seed-admin";
import { prepareStandaloneBuild } from "./lib/standalone-server";
import { createTestDatabase } from "./lib/test-database";

const admin = randomAdmin("ops");

async function main() {
  prepareStandaloneBuild();
  const database = await createTestDatabase("um_ops");
  if (database.embedded) throw new Error("The operations tests need a PostgreSQL server: set TEST_DATABASE_URL.");
  const authSecret = randomBytes(32).toString("base64url");
  try {
    await seedAdmin(admin, { DATABASE_URL: database.url, AUTH_SECRET: authSecret, BCRYPT_COST: "10" });
    await run(path.resolve("node_modules/.bin/playwright"), ["test", "-c", "ops", ...process.argv.slice(2)], {
      env: {
        ...process.env,
        OPS_DATABASE_URL: database.url,
        OPS_AUTH_SECRET: authSecret,
        OPS_ADMIN_EMAIL: admin.email,
        OPS_ADMIN_PASSWORD: admin.password,
      },
    });
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
