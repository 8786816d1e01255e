import { afterAll, inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_SIZE = inject("embeddedDatabase") ? "1" : "4";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// The lowest cost the configuration accepts: hashing speed is not what these tests test.
process.env.BCRYPT_COST = "10";
process.env.LOG_LEVEL ??= "silent";

// Each test file ends its pool so the next one (or the database's drop) is not kept waiting.
// Imported here, not at the top: a setup file's imports load before the test file's
// vi.mock calls, and lib/db.ts would then read the real config, deaf to a test file's
// DATABASE_URL override (tests/support/private-database.ts).
afterAll(async () => (await import("@/lib/db")).disconnectDb());

// Route handlers and server actions called in-process read the request of the test's
// choosing (tests/support/next-headers.ts); a file that mocks next/headers itself wins.
vi.mock("next/headers", () => import("@/tests/support/next-headers"));
