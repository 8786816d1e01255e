import { expect, test } from "@playwright/test";
import { admin, signIn } from "./support";
import { linkFromNewestMail, ownClientAddress, uniqueEmail } from "./email-support";

const password = "first passphrase for e2e 19";
const newPassword = "second passphrase for e2e 23";

test("forgot-password answers the same for a registered and an unknown address", async ({ request }) => {
  const headers = ownClientAddress();
  const known = await request.post("/api/v1/auth/password/forgot", { data: { email: admin.email }, headers });
  const unknown = await request.post("/api/v1/auth/password/forgot", { data: { email: uniqueEmail("nobody") }, headers });
  expect(known.status()).toBe(202);
  expect(unknown.status()).toBe(202);
  expect(await unknown.json()).toEqual(await known.json());

  const invalid = await request.post("/api/v1/auth/password/forgot", { data: { email: "not-an-email" }, headers });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual([{ field: "email", message: "Enter a valid email address." }]);
});

test("too many requests get 429 with Retry-After", async ({ request }) => {
  const headers = ownClientAddress();
  const email = uniqueEmail("flood");
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    statuses.push((await request.post("/api/v1/auth/password/forgot", { data: { email }, headers })).status());
  }
  expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  const refused = await request.post("/api/v1/auth/password/forgot", { data: { email }, headers });
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ status: 429, code: "rate_limited", detail: expect.stringMatching(/^Too many attempts/) });
});

test("a person resets a forgotten password from the emailed link, once", async ({ page, browser, request }) => {
  const email = uniqueEmail("reset");
  await page.setExtraHTTPHeaders(ownClientAddress());
  const signUp = await request.post("/api/v1/auth/sign-up", { data: { email, name: "Reset Me", password }, headers: ownClientAddress() });
  expect(signUp.status()).toBe(202);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");

  const link = await linkFromNewestMail(browser, email, "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  await page.goto(link);
  await page.getByLabel("New password").fill("a third passphrase 31");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("This link was already used. Ask for a new one if you still need it.");

  await signIn(page, email, newPassword);
});

test("the form says when to try again once the limit is reached", async ({ page }) => {
  await page.setExtraHTTPHeaders(ownClientAddress());
  const email = uniqueEmail("form-flood");
  for (let attempt = 0; attempt < 5; attempt++) {
    const accepted = await page.request.post("/api/v1/auth/password/forgot", { data: { email } });
    expect(accepted.status()).toBe(202);
  }
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many attempts\. Try again in \d+ minutes?\.$/);
});
