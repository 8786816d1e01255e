import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/lib/free-port";
import { startStandaloneServer, type RunningServer } from "@/scripts/lib/standalone-server";
import { linkFromNewestMail, uniqueEmail } from "./email-support";
import { relaxedSignInLimits } from "./support";

// A server of its own with EMAIL_VERIFICATION=required, on the shared test database.
test.describe.configure({ mode: "serial" });

let app: RunningServer;

test.beforeAll(async () => {
  const port = await freePort();
  app = await startStandaloneServer(
    {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      DATABASE_POOL_SIZE: "2",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: `http://localhost:${port}`,
      LOG_LEVEL: "warn",
      SIGN_UP_ENABLED: "true",
      BCRYPT_COST: "10",
      ...relaxedSignInLimits,
      EMAIL_VERIFICATION: "required",
    },
    port,
  );
});

test.afterAll(() => app?.stop());

test("an unconfirmed address cannot sign in until its link is followed", async ({ page, browser }) => {
  const email = uniqueEmail("required");
  const password = "required verification passphrase 5";
  const signUp = await page.request.post(`${app.url}/api/v1/auth/sign-up`, { data: { email, name: "Required", password } });
  expect(signUp.status()).toBe(202);

  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Confirm your email address first");
  expect((await page.request.get(`${app.url}/api/v1/users/me`)).status()).toBe(401);

  // Links point at APP_URL; the outbox is read through the main server, on the same database.
  const link = await linkFromNewestMail(browser, email, "/verify-email");
  await page.goto(`${app.url}${link}`);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("status")).toContainText("is confirmed");

  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${app.url}/admin`);
});
