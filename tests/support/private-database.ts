import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";
import { copyTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";
import { configOverrides } from "@/tests/support/config-overrides";

/**
 * Gives a test file a database of its own, for figures over whole tables that other
 * files, running at the same time, would change. The file must apply the config mock
 * (see config-overrides.ts). On the embedded database test files already run one at a
 * time, so they keep the shared one there. The copy comes from the run's migrated template
 * (tests/support/global-setup.ts).
 */
export function withPrivateDatabase(): void {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    const template = inject("templateDatabaseUrl");
    if (!template) return;
    database = await copyTestDatabase(template, "um_private");
    await disconnectDb();
    configOverrides.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    if (!database) return;
    await disconnectDb();
    delete configOverrides.DATABASE_URL;
    await database.dispose();
  });
}
