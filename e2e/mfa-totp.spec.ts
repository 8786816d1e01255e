import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { enrolAuthenticatorApp } from "./mfa-support";
import { signIn, signOut } from "./support";
import { createTestUser } from "./users";

/** The password step of a user with a second factor: it ends on the second step, without a session. */
async function signInWithPassword(page: Page, user: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/second-factor\?callbackUrl=%2Fadmin$/, { timeout: 20_000 });
}

test("a user enrols an authenticator app, then signs in with a code and with a recovery code", async ({ page, context }) => {
  // Three sign-ins and an enrolment on a busy machine.
  test.slow();
  const user = await createTestUser("mfa");
  await signIn(page, user.email, user.password);
  await page.goto("/account");
  await expect(page.getByTestId("mfa-status")).toContainText("off");

  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByAltText("QR code for your authenticator app")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  await page.getByLabel("Code from the app").fill("12345");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Enter the 6-digit code from your app.")).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  const shown = page.getByTestId("recovery-code");
  await expect(shown).toHaveCount(10);
  const recoveryCodes = await shown.allTextContents();
  await expect(page.getByTestId("mfa-status")).toContainText("on");
  await expect(page.getByTestId("mfa-factor")).toContainText("Authenticator app");
  await expect(page.getByTestId("recovery-codes-remaining")).toHaveText("10");

  await signOut(page);
  await signInWithPassword(page, user);
  // Halfway, the browser holds only the pending sign-in, out of reach of page scripts.
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).not.toContain("authjs.session-token");
  expect(cookies.find((cookie) => cookie.name === "usermanager.pending-sign-in")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const wrong = totpCode(secret) === "000000" ? "111111" : "000000";
  await page.getByLabel("Code from your authenticator app").fill(wrong);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("The code is not valid. Enter the current code from your app.")).toBeVisible();
  // Confirmation spent this 30-second step's code, and a code works once: the next step's is within the drift window.
  await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("usermanager.pending-sign-in");

  await signOut(page);
  await signInWithPassword(page, user);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
  await page.goto("/account");
  await expect(page.getByTestId("recovery-codes-remaining")).toHaveText("9");
});

test("a user confirms with a code, makes new recovery codes and removes their only app", async ({ page }) => {
  const user = await createTestUser("mfa-remove");
  await signIn(page, user.email, user.password);
  await page.goto("/account");
  const { secret, recoveryCodes: first } = await enrolAuthenticatorApp(page);

  await page.reload();
  await expect(page.getByTestId("recovery-code")).toHaveCount(0);
  // Replacing the codes is a sensitive action: this session was confirmed by the password only, so a code is asked.
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog.getByLabel("Code from your authenticator app")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("recovery-code")).toHaveCount(0);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  // Enrolment spent the current step's code; the next step's is valid and unused.
  await dialog.getByLabel("Code from your authenticator app").fill(totpCode(secret, Date.now() + 30_000));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  expect(await page.getByTestId("recovery-code").allTextContents()).not.toEqual(first);

  // The confirmation counts for a few minutes: removing the app asks nothing more.
  await page.getByRole("button", { name: "Remove Authenticator app" }).click();
  await expect(page.getByTestId("mfa-status")).toContainText("off");
  await expect(page.getByRole("button", { name: "Set up an authenticator app" })).toBeVisible();
});

test("the second step without a pending sign-in sends the person back to sign in, saying why", async ({ page }) => {
  await page.goto("/sign-in/second-factor?callbackUrl=%2Faccount");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount&reason=expired$/);
  await expect(page.getByRole("alert").filter({ hasText: "Sign in again." })).toBeVisible();
});
