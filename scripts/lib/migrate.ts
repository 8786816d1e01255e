import path from "node:path";
import { run } from "./run";

/** Applies every committed migration with the standard `prisma migrate deploy`, offline, over a direct connection. */
export function migrateDeploy(databaseUrl: string): Promise<void> {
  return run(process.execPath, [path.resolve("scripts/prisma.mjs"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DIRECT_DATABASE_URL: databaseUrl },
  });
}
