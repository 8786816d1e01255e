import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";
import { createTestUser } from "./users";

async function signedInPage(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.email, user.password);
  return page;
}

test("changing the password makes the old one fail and signs out other sessions", async ({ browser }) => {
  // Four sign-ins and a new hash at production bcrypt cost.
  test.slow();
  const user = await createTestUser("password");
  const other = await signedInPage(browser, user);
  const page = await signedInPage(browser, user);
  await page.goto("/account");

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("a completely new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. 1 other session signed out.");

  expect((await other.request.get("/api/v1/users/me")).status()).toBe(401);
  expect((await page.request.get("/api/v1/users/me")).status()).toBe(200);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("/sign-in");
  await fresh.getByLabel("Email").fill(user.email);
  await fresh.getByLabel("Password").fill(user.password);
  await fresh.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(fresh.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signIn(fresh, user.email, "a completely new passphrase");
});

test("a user ends another of their sessions from the account page", async ({ browser }) => {
  const user = await createTestUser("sessions");
  const other = await signedInPage(browser, user);
  const page = await signedInPage(browser, user);
  await page.goto("/account");

  const sessions = page.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This session" })).toHaveCount(1);
  await sessions
    .filter({ hasNotText: "This session" })
    .getByRole("button", { name: /^End session/ })
    .click();
  await expect(sessions).toHaveCount(1);

  expect((await other.request.get("/api/v1/users/me")).status()).toBe(401);
  expect((await page.request.get("/api/v1/users/me")).status()).toBe(200);
});

test("a personal access token is created, shown once, used, and revoked", async ({ browser, playwright }) => {
  const user = await createTestUser("tokens");
  const page = await signedInPage(browser, user);
  await page.goto("/account");

  await page.getByLabel("Token name").fill("Deploy script");
  await page.getByLabel("Expires after").selectOption("7");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("new-token-secret").textContent();
  expect(secret).toMatch(/^umt_/);
  await expect(page.getByTestId("api-token")).toHaveCount(1);
  await expect(page.getByTestId("api-token")).toContainText("Deploy script");

  // A client with no cookies at all, as a script would be.
  const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const headers = { authorization: `Bearer ${secret}` };
  expect(await (await api.get("/api/v1/users/me", { headers })).json()).toMatchObject({ email: user.email });

  await page.reload();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke token Deploy script" }).click();
  await expect(page.getByText("No personal access tokens yet.")).toBeVisible();
  expect((await api.get("/api/v1/users/me", { headers })).status()).toBe(401);
  await api.dispose();
});
