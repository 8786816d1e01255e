import { randomBytes } from "node:crypto";

export type Admin = { email: string; password: string };

/** A superadmin with a fresh random password, for a run that signs in as them. */
export const randomAdmin = (label: string): Admin => ({
  email: `${label}-admin@example.test`,
  password: randomBytes(12).toString("base64url"),
});

/**
 * Creates the first superadmin the way a fresh installation does, from ADMIN_EMAIL and
 * ADMIN_PASSWORD. The configuration is read once per process, so `settings` (the
 * database and the secret at least) go into the environment before anything reads it.
 */
export async function seedAdmin(admin: Admin, settings: Record<string, string>): Promise<void> {
  Object.assign(process.env, settings, { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
  const { seedFirstSuperadmin } = await import("@/lib/server/first-superadmin");
  const { disconnectDb } = await import("@/lib/db");
  await seedFirstSuperadmin();
  await disconnectDb();
}
