import path from "node:path";
import { defineConfig } from "prisma/config";

// `process.env` rather than Prisma's `env()`: `prisma generate` needs no database and
// must keep working when DATABASE_URL is unset (CI, image builds).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  // Migrations need one session throughout, which a pooler in transaction mode does not
  // give, so they use the direct URL when the app's goes through PgBouncer.
  datasource: {
    url: process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL || "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
