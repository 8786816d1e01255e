import { expect, test } from "@playwright/test";
import { admin, signIn, signOut } from "./support";

test("a visitor is sent from /admin to the sign-in page", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("the form explains missing fields inline", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("a wrong password gets one answer that does not say which part was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("definitely not it");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(admin.email);
});

test("the first admin signs in, sees who they are, and signs out for good", async ({ page, context }) => {
  await signIn(page);
  await expect(page.getByTestId("current-user-email")).toHaveText(admin.email);
  await expect(page.getByTestId("current-user-role")).toHaveText("superadmin");

  const cookiesWhileSignedIn = await context.cookies();
  await signOut(page);

  // The old cookie is worthless once the server has ended its session.
  await context.addCookies(cookiesWhileSignedIn);
  const me = await page.request.get("/api/v1/users/me");
  expect(me.status()).toBe(401);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an ended session sends a deep link to sign-in, and back to that exact page", async ({ page, context }) => {
  await signIn(page);
  const cookiesWhileSignedIn = await context.cookies();
  await signOut(page);
  // A cookie is still sent, so the proxy lets it through; the page finds its session gone.
  await context.addCookies(cookiesWhileSignedIn);

  await page.goto("/admin/users?q=nobody-matches&status=disabled");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers%3Fq%3Dnobody-matches%26status%3Ddisabled$/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=nobody-matches&status=disabled$/, { timeout: 20_000 });
  await expect(page.getByLabel("Search")).toHaveValue("nobody-matches");
});

test("a callbackUrl that leads off the site is ignored, both for a signed-in visitor and through the form", async ({ page }) => {
  // Browsers drop the tab, so `/\t/evil.example` would be `//evil.example`: another site.
  const phish = "/sign-in?callbackUrl=/%09/evil.example/phish";
  const newline = await page.request.get("/sign-in?callbackUrl=/%0a/evil.example/phish", { maxRedirects: 0 });
  expect(newline.status()).toBe(200);
  expect(await newline.text()).toContain("Sign in");

  await page.goto(phish);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/admin$/, { timeout: 20_000 });

  const signedIn = await page.request.get(phish, { maxRedirects: 0 });
  expect(signedIn.status()).toBe(307);
  expect(signedIn.headers()["location"]).toBe("/admin");
});
