import { expect, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";

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
