import { expect, type Page } from "@playwright/test";

export const admin = {
  email: process.env.E2E_ADMIN_EMAIL ?? "",
  password: process.env.E2E_ADMIN_PASSWORD ?? "",
};

export async function signIn(page: Page, email = admin.email, password = admin.password) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // bcrypt at production cost on a busy CI machine can take seconds.
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

/** Signs out through the user menu in the header, as a person would. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
