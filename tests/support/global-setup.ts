import type { TestProject } from "vitest/node";
import { copyTestDatabase, createTestDatabase } from "@/scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
    /** A migrated database nobody connects to, which files that need their own copy ("" when embedded). */
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Migrated once; the shared database and every private one are copies of it.
  const template = await createTestDatabase("um_template");
  if (template.embedded) {
    project.provide("databaseUrl", template.url);
    project.provide("embeddedDatabase", true);
    project.provide("templateDatabaseUrl", "");
    return () => template.dispose();
  }
  const database = await copyTestDatabase(template.url, "um_test");
  project.provide("databaseUrl", database.url);
  project.provide("embeddedDatabase", false);
  project.provide("templateDatabaseUrl", template.url);
  return async () => {
    await database.dispose();
    await template.dispose();
  };
}
