import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { apiAs, uniqueEmail } from "./orgs-support";
import { createUserViaApi, type CreatedUser } from "./users-support";

/** Sets up an authenticator app from the account page the browser is on; answers the secret and the ten recovery codes shown. */
export async function enrolAuthenticatorApp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  const shown = page.getByTestId("recovery-code");
  await expect(shown).toHaveCount(10);
  return { secret, recoveryCodes: await shown.allTextContents() };
}

/**
 * A user with an authenticator app, enrolled over the API; answers the app's secret. The
 * enrolment spent the current 30-second step's code: sign in with the next step's.
 */
export async function createUserWithSecondFactor(adminApi: APIRequestContext): Promise<{ user: CreatedUser; secret: string }> {
  const user = await createUserViaApi(adminApi, "user", uniqueEmail("mfa-user"), true);
  const api = await apiAs(user.email, user.password);
  const started = await api.post("/api/v1/users/me/mfa/totp");
  expect(started.status(), await started.text()).toBe(201);
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await api.post("/api/v1/users/me/mfa/totp/confirm", { data: { code: totpCode(secret) } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  await api.dispose();
  return { user, secret };
}
