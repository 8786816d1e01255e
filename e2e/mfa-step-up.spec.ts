import { expect, test } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { enrolAuthenticatorApp } from "./mfa-support";
import { signIn } from "./support";
import { createTestUser } from "./users";

test("a sensitive action asks an account with a second factor for a fresh code, then goes through with what was typed", async ({
  page,
}) => {
  test.slow();
  const user = await createTestUser("step-up");
  await signIn(page, user.email, user.password);
  await page.goto("/account");
  const { secret } = await enrolAuthenticatorApp(page);

  // This session was opened with the password alone; a new token now needs the second factor.
  await page.getByLabel("Token name").fill("After enrolment");
  await page.getByLabel("Expires after").selectOption("7");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  await dialog
    .getByLabel("Code from your authenticator app")
    .fill("000000" === totpCode(secret, Date.now() + 30_000) ? "111111" : "000000");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByText("The code is not valid.")).toBeVisible();
  await dialog.getByLabel("Code from your authenticator app").fill(totpCode(secret, Date.now() + 30_000));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("new-token-secret")).toHaveText(/^umt_/);
  await expect(page.getByTestId("api-token")).toContainText("After enrolment");

  // Confirmed for a few minutes: the next sensitive action goes straight through.
  await page.getByLabel("Token name").fill("Second one");
  await page.getByLabel("Expires after").selectOption("7");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("api-token")).toHaveCount(2);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
