import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { admin } from "./support";
import { uniqueEmail } from "../tests/support/unique-email";

const pool = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });

export { uniqueEmail };
export const uniqueSlug = (label = "org") => `${label}-${randomUUID().slice(0, 13)}`;

/**
 * A plain user straight in the database (there is no sign-up to go through). It gets
 * the first admin's password hash, so it signs in with the admin's password and the
 * tests need no copy of the hashing code.
 */
export async function createUser(label: string): Promise<string> {
  return (await createUserWithId(label)).email;
}

export async function createUserWithId(label: string, role: "user" | "superadmin" = "user"): Promise<{ email: string; id: string }> {
  const email = uniqueEmail(label);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (id, email, password_hash, role, status, updated_at)
     SELECT gen_random_uuid(), $1, password_hash, $3, 'active', now() FROM users WHERE email = $2
     RETURNING id`,
    [email, admin.email, role],
  );
  return { email, id: rows[0]!.id };
}

/**
 * An API client signed in as `email` through the credentials sign-in, holding its session
 * cookie. Each sign-in costs a full bcrypt comparison, so specs sign in once and reuse it.
 */
export async function apiAs(email: string, password = admin.password): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(400);
  expect((await context.get("/api/v1/users/me")).status()).toBe(200);
  return context;
}

/** The invitation link of the newest email sent to `email`, read from the outbox. */
export async function invitationLinkFor(email: string): Promise<string> {
  const { rows } = await pool.query<{ text: string }>('SELECT text FROM mail_messages WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1', [
    email,
  ]);
  const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(rows[0]?.text ?? "")?.[0];
  expect(link, `an invitation mailed to ${email}`).toBeTruthy();
  return new URL(link!).pathname;
}

export async function signInAt(page: Page, email: string, password = admin.password) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
