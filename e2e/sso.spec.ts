import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { uniqueEmail } from "./email-support";
import { signOut } from "./support";
import { variantUrl } from "./variants";

// The server configured for single sign-on, with its provider (e2e/variants.ts).
test.describe.configure({ mode: "serial" });
let appUrl: string;
test.beforeAll(() => {
  appUrl = variantUrl("sso");
});

async function signInThroughProvider(page: Page, login: string) {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByRole("button", { name: "Sign in with Example ID" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a new person signs in with the provider and lands signed in", async ({ page }) => {
  const email = uniqueEmail("sso-new");
  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(`${appUrl}/admin`);
  await expect(page.getByTestId("current-user-email")).toHaveText(email);
  const me = await page.request.get(`${appUrl}/api/v1/users/me`);
  expect(await me.json()).toMatchObject({ email, role: "user", emailVerifiedAt: expect.any(String) });

  // The session is a server-side row like any other: signing out ends it for good.
  const cookies = await page.context().cookies();
  await signOut(page);
  await page.context().addCookies(cookies);
  expect((await page.request.get(`${appUrl}/api/v1/users/me`)).status()).toBe(401);
});

test("an existing account is linked when the provider has verified the address", async ({ page, request }) => {
  const email = uniqueEmail("sso-link");
  const password = "linked account passphrase 83";
  expect((await request.post(`${appUrl}/api/v1/auth/sign-up`, { data: { email, name: "Linked", password } })).status()).toBe(202);

  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(`${appUrl}/admin`);
  await expect(page.getByTestId("current-user-email")).toHaveText(email);
});

test("an existing account is not linked to an address the provider has not verified", async ({ page, request }) => {
  const email = uniqueEmail("unverified-sso");
  const data = { email, name: "Unlinked", password: "unlinked passphrase 97" };
  expect((await request.post(`${appUrl}/api/v1/auth/sign-up`, { data })).status()).toBe(202);

  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(/\/sign-in\?error=sso_unverified_email/);
  await expect(page.locator("main").getByRole("alert")).toContainText("has not confirmed that the address is yours");
  expect((await page.request.get(`${appUrl}/api/v1/users/me`)).status()).toBe(401);
});

test("password sign-in works as before on a server with single sign-on", async ({ page, request }) => {
  const email = uniqueEmail("sso-password");
  const password = "password beside sso passphrase 41";
  expect((await request.post(`${appUrl}/api/v1/auth/sign-up`, { data: { email, name: "Password", password } })).status()).toBe(202);
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${appUrl}/admin`);
  await expect(page.getByTestId("current-user-email")).toHaveText(email);
});

test("without OIDC settings the sign-in page offers no single sign-on", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign in with (?!a passkey)/ })).toHaveCount(0);
});

test("single sign-on counts as one factor: a member whose organization requires two is asked for the second", async ({ page, browser }) => {
  const email = uniqueEmail("sso-mfa");
  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(`${appUrl}/admin`);
  const api = page.request;
  const { secret } = (await (await api.post(`${appUrl}/api/v1/users/me/mfa/totp`)).json()) as { secret: string };
  expect((await api.post(`${appUrl}/api/v1/users/me/mfa/totp/confirm`, { data: { code: totpCode(secret) } })).status()).toBe(200);
  const slug = `sso-mfa-${randomBytes(4).toString("hex")}`;
  const created = await api.post(`${appUrl}/api/v1/organizations`, { data: { name: "Two factors", slug } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await api.patch(`${appUrl}/api/v1/organizations/${id}`, { data: { mfaRequired: true } })).status()).toBe(200);

  // Another browser, so the provider asks for the login again (it remembers this one).
  const laterContext = await browser.newContext();
  const later = await laterContext.newPage();
  await signInThroughProvider(later, email);
  await expect(later).toHaveURL(/\/sign-in\/second-factor/);
  expect((await later.request.get(`${appUrl}/api/v1/users/me`)).status()).toBe(401);
  await later.getByLabel("Code from your authenticator app").fill(totpCode(secret, Date.now() + 30_000));
  await later.getByRole("button", { name: "Verify" }).click();
  await expect(later).not.toHaveURL(/\/sign-in/);
  expect(await (await later.request.get(`${appUrl}/api/v1/users/me`)).json()).toMatchObject({ email });
  await laterContext.close();
});
