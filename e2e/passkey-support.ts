import { expect, type Page } from "@playwright/test";

/**
 * Passkeys in Chromium for the specs that need them. WebAuthn refuses an IP address as the
 * relying party id, and the main server's APP_URL is http://127.0.0.1:…, so they run
 * against the server at http://localhost:… (e2e/variants.ts), a secure context, where
 * passkeys are bound to "localhost". `appUrl` is that server's address.
 */

/** Chromium's virtual authenticator (DevTools protocol): a platform authenticator that stores passkeys and verifies the user. */
export async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return {
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
    /** Whether the person at the authenticator passes its PIN or biometric check. */
    setUserVerified: (isUserVerified: boolean) => cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified }),
  };
}

export async function addPasskey(page: Page, appUrl: string, name: string) {
  await page.goto(`${appUrl}/account`);
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await passkeys.getByLabel("Passkey name").fill(name);
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText(`The passkey “${name}” was added.`)).toBeVisible();
}

export async function signInWithPassword(page: Page, appUrl: string, user: { email: string; password: string }) {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${appUrl}/admin`, { timeout: 20_000 });
}

export async function signOutFromMenu(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
