import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { admin } from "./support";

export type Role = "user" | "admin" | "superadmin";
export type CreatedUser = { id: string; email: string; password: string; version: number };

export const uniqueEmail = (label = "e2e") => `${label}-${randomUUID()}@example.test`;

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

/** Signs in through the form; bcrypt at production cost on a busy machine can take seconds. */
async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

/** A browser context signed in as the given person; its `request` carries their session. */
export async function signedInAs(browser: Browser, email = admin.email, password = admin.password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page, request: context.request };
}
