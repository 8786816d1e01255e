import { startEmbeddedDatabase } from "./embedded-database";
import { migrateDeploy } from "./migrate";
import { createScratchDatabase, dropDatabase } from "./postgres-server";

export type TestDatabase = { url: string; embedded: boolean; dispose(): Promise<void> };

/**
 * A migrated database of its own for one test run: created on the server named by
 * TEST_DATABASE_URL and dropped afterwards, or an in-memory embedded one when unset.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const url = await createScratchDatabase(serverUrl, prefix);
    try {
      await migrateDeploy(url);
    } catch (error) {
      await dropDatabase(url);
      throw error;
    }
    return { url, embedded: false, dispose: () => dropDatabase(url) };
  }
  const embedded = await startEmbeddedDatabase({});
  await migrateDeploy(embedded.url);
  return { url: embedded.url, embedded: true, dispose: () => embedded.close() };
}

/**
 * A database of its own for a test file, copied from a migrated one no one uses (the
 * test run's template), so a file that needs its own pays no migration.
 */
export async function copyTestDatabase(templateUrl: string, prefix: string): Promise<TestDatabase> {
  const url = await createScratchDatabase(templateUrl, prefix, templateUrl);
  return { url, embedded: false, dispose: () => dropDatabase(url) };
}
