/**
 * Fails when prisma/schema.prisma and prisma/migrations disagree: replays the
 * migrations into a shadow database and diffs the result against the schema.
 * Uses a scratch database on TEST_DATABASE_URL's server, else an embedded one.
 */
import path from "node:path";
import { startEmbeddedDatabase } from "./lib/embedded-database";
import { createScratchDatabase, dropDatabase } from "./lib/postgres-server";
import { CommandFailed, run } from "./lib/run";

async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const url = await createScratchDatabase(serverUrl, "um_drift");
    try {
      await fn(url);
    } finally {
      await dropDatabase(url);
    }
    return;
  }
  const embedded = await startEmbeddedDatabase({});
  process.env.SHADOW_DATABASE_URL = embedded.shadowUrl;
  try {
    await fn(embedded.url);
  } finally {
    await embedded.close();
  }
}

withDatabase((url) =>
  run(
    process.execPath,
    [
      path.resolve("scripts/prisma.mjs"),
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--exit-code",
    ],
    { env: { ...process.env, DATABASE_URL: url } },
  ),
).then(
  () => console.log("The migrations match the schema."),
  (error: unknown) => {
    // `migrate diff --exit-code` exits with 2 for a difference and 1 for an error.
    if (error instanceof CommandFailed && error.exitCode === 2) {
      console.error("The schema and the migrations disagree: run `npm run prisma -- migrate dev --name <change>`.");
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exit(1);
  },
);
