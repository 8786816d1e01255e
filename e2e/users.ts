import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";
import { prehashPassword } from "@/lib/auth/password-prehash";

/**
 * A fresh user of its own, written straight into the e2e database: specs that change a
 * password or end sessions must not touch the admin every other spec signs in as.
 */
export async function createTestUser(label = "user") {
  const email = `${label}-${randomUUID()}@example.test`;
  const password = `e2e password ${randomUUID()}`;
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      "INSERT INTO users (id, email, password_hash, role, status, updated_at) VALUES ($1, $2, $3, 'user', 'active', now())",
      [randomUUID(), email, await bcrypt.hash(prehashPassword(password), 10)],
    );
  } finally {
    await client.end();
  }
  return { email, password };
}
