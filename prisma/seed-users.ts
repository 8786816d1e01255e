// `npm run db:seed-users -- 100000`: adds that many realistic users (without passwords)
// to the database named by DATABASE_URL, for trying the admin table and for benchmarks.
import { seedUsers } from "@/scripts/lib/seed-users";

const count = Number(process.argv[2] ?? 1000);
const databaseUrl = process.env.DATABASE_URL;

async function main() {
  if (!databaseUrl) throw new Error("Set DATABASE_URL to the database to fill.");
  if (!Number.isInteger(count) || count < 1) throw new Error("Give the number of users, e.g. npm run db:seed-users -- 100000");
  const started = performance.now();
  await seedUsers(databaseUrl, count);
  console.log(`Seeded ${count} users in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
