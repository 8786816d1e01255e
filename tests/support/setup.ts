import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_SIZE = inject("embeddedDatabase") ? "1" : "4";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// The lowest cost the configuration accepts: hashing speed is not what these tests test.
process.env.BCRYPT_COST = "10";
process.env.LOG_LEVEL ??= "silent";

// Each test file ends its pool so the next one (or the database's drop) is not kept waiting.
afterAll(() => disconnectDb());
