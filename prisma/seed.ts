// `npm run db:seed`: creates the first superadmin when there is none.
import { disconnectDb } from "@/lib/db";
import { describeFirstSuperadmin, seedFirstSuperadmin } from "@/lib/first-superadmin";

seedFirstSuperadmin()
  .then((admin) => console.log(describeFirstSuperadmin(admin)))
  .then(() => disconnectDb())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
