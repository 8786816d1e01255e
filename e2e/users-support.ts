import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser } from "@playwright/test";
import { admin, signIn } from "./support";
import { uniqueEmail } from "../tests/support/unique-email";

export type Role = "user" | "admin" | "superadmin";
export type CreatedUser = { id: string; email: string; password: string; version: number };

export { uniqueEmail };

/**
 * Creates a user through the API as whoever `request` is signed in as. Invited users
 * skip password hashing, which keeps tables of many targets fast; pass `withPassword`
 * for someone who must sign in.
 */
export async function createUserViaApi(
  request: APIRequestContext,
  role: Role = "user",
  email = uniqueEmail(role),
  withPassword = false,
): Promise<CreatedUser> {
  const password = `pw-${randomUUID()}`;
  const credentials = withPassword ? { password } : { invite: true };
  const response = await request.post("/api/v1/users", { data: { email, role, name: `E2E ${role}`, ...credentials } });
  expect(response.status(), await response.text()).toBe(201);
  const body = await response.json();
  return { id: body.id, email, password, version: body.version };
}

/** A browser context signed in as the given person; its `request` carries their session. */
export async function signedInAs(browser: Browser, email = admin.email, password = admin.password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page, request: context.request };
}
