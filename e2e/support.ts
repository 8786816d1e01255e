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

/**
 * For specs that start a server of their own on the shared e2e database: the sign-in
 * rate-limit counters live in that database and are already filled by other specs
 * signing in from 127.0.0.1. The limits themselves are tested in the service tests.
 */
export const relaxedSignInLimits = {
  RATE_LIMIT_SIGN_IN_PER_IP: "10000",
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: "10000",
  // Every spec's email flows (sign-up, forgot-password) come from 127.0.0.1 too.
  RATE_LIMIT_IP_PER_HOUR: "10000",
};
