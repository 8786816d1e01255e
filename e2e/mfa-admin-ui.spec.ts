import { expect, test, type APIRequestContext } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { createUserViaApi, signedInAs, type CreatedUser } from "./users-support";

// The API of second factors is tested in process (tests/api/mfa.test.ts); here, the admin pages.

/** Gives the user an authenticator app through the API, as their own client would. */
async function enrolOverApi(request: APIRequestContext, user: CreatedUser) {
  const granted = await request.post("/api/v1/auth/token", {
    form: { grant_type: "password", username: user.email, password: user.password, client_id: "mfa-e2e" },
  });
  expect(granted.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await granted.json()).access_token}` };
  const started = await request.post("/api/v1/users/me/mfa/totp", { headers });
  expect(started.status()).toBe(201);
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await request.post("/api/v1/users/me/mfa/totp/confirm", { headers, data: { code: totpCode(secret) } });
  expect(confirmed.status()).toBe(200);
}

test("the admin pages show the factors, filter by them in the URL, and reset them after confirming", async ({ browser, request }) => {
  const superadmin = await signedInAs(browser);
  const user = await createUserViaApi(superadmin.request, "user", undefined, true);
  await enrolOverApi(request, user);
  const { page } = superadmin;

  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await page.getByLabel("Second factor").selectOption("false");
  await expect(page).toHaveURL(/hasMfa=false/);
  await expect(page.getByText("No users match.")).toBeVisible();
  await page.getByLabel("Second factor").selectOption("true");
  await expect(page).toHaveURL(/hasMfa=true/);
  await page.getByRole("link", { name: user.email }).click();

  const factors = page.getByRole("region", { name: "Second factors (1)" });
  await expect(factors).toContainText("Authenticator app");
  await factors.getByRole("button", { name: "Reset second factors" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset second factors" }).click();
  // Taking someone's factors away is a confirmed action; the sign-in just now confirms it.
  await expect(page.getByRole("region", { name: "Second factors (0)" })).toContainText("the password alone signs in");
  await expect(page.getByRole("region", { name: "Second factors (0)" }).getByRole("button")).toHaveCount(0);
});
