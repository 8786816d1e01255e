import { expect, test } from "@playwright/test";
import { admin, signIn } from "./support";
import { linkFromNewestMail, outboxFor, uniqueEmail } from "./email-support";
import { createTestUser } from "./users";

const password = "first passphrase for e2e 19";
const newPassword = "second passphrase for e2e 23";

test("forgot-password answers the same for a registered and an unknown address", async ({ request }) => {
  const known = await request.post("/api/v1/auth/password/forgot", { data: { email: admin.email } });
  const unknown = await request.post("/api/v1/auth/password/forgot", { data: { email: uniqueEmail("nobody") } });
  expect(known.status()).toBe(202);
  expect(unknown.status()).toBe(202);
  expect(await unknown.json()).toEqual(await known.json());

  const invalid = await request.post("/api/v1/auth/password/forgot", { data: { email: "not-an-email" } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual([{ field: "email", message: "Enter a valid email address." }]);
});

test("repeated requests for one address are answered alike and mail it once", async ({ request, browser }) => {
  const user = await createTestUser("flood");
  const answers = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    const response = await request.post("/api/v1/auth/password/forgot", { data: { email: user.email } });
    answers.push([response.status(), await response.json()]);
  }
  expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  expect(answers[0]![0]).toBe(202);
  const outbox = await outboxFor(browser, user.email);
  expect(outbox).toHaveLength(1);
});

test("a person resets a forgotten password from the emailed link, once", async ({ page, browser, request }) => {
  const email = uniqueEmail("reset");
  const signUp = await request.post("/api/v1/auth/sign-up", { data: { email, name: "Reset Me", password } });
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

test("after a stranger's flood of requests, the owner's own request is answered as usual", async ({ page, browser }) => {
  const user = await createTestUser("owner");
  for (let attempt = 0; attempt < 8; attempt++) {
    expect((await page.request.post("/api/v1/auth/password/forgot", { data: { email: user.email } })).status()).toBe(202);
  }
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");
  // The owner has a working link: the one the first request sent.
  await page.goto(await linkFromNewestMail(browser, user.email, "/reset-password"));
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password was changed");
});
