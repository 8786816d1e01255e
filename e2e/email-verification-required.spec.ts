import { expect, test } from "@playwright/test";
import { linkFromNewestMail, uniqueEmail } from "./email-support";
import { variantUrl } from "./variants";

// The server with EMAIL_VERIFICATION=required, on the shared test database (e2e/variants.ts).
test.describe.configure({ mode: "serial" });
let appUrl: string;
test.beforeAll(() => {
  appUrl = variantUrl("emailVerificationRequired");
});

test("an unconfirmed address cannot sign in until its link is followed", async ({ page, browser }) => {
  const email = uniqueEmail("required");
  const password = "required verification passphrase 5";
  const signUp = await page.request.post(`${appUrl}/api/v1/auth/sign-up`, { data: { email, name: "Required", password } });
  expect(signUp.status()).toBe(202);

  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Confirm your email address first");
  expect((await page.request.get(`${appUrl}/api/v1/users/me`)).status()).toBe(401);

  // Links point at APP_URL; the outbox is read through the main server, on the same database.
  const link = await linkFromNewestMail(browser, email, "/verify-email");
  await page.goto(`${appUrl}${link}`);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("status")).toContainText("is confirmed");

  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${appUrl}/admin`);
});
