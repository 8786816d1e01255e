// `npm run db:seed`: creates the first superadmin when there is none.
// `npm run db:seed -- --users 100000`: also adds that many realistic users (without
// passwords), for trying the admin table on a large directory and for benchmarks.
import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { describeFirstSuperadmin, seedFirstSuperadmin } from "@/lib/server/first-superadmin";
import { seedUsers } from "@/scripts/lib/seed-users";

function requestedUsers(): number {
  const { values } = parseArgs({ options: { users: { type: "string" } } });
  if (values.users === undefined) return 0;
  const count = Number(values.users);
  if (!Number.isInteger(count) || count < 1) throw new Error("--users takes a whole number, e.g. npm run db:seed -- --users 100000");
  return count;
}

async function main() {
  const users = requestedUsers();
  console.log(describeFirstSuperadmin(await seedFirstSuperadmin()));
  await disconnectDb();
  if (users === 0) return;
  const started = performance.now();
  await seedUsers(process.env.DATABASE_URL!, users);
  console.log(`Seeded ${users} users in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
