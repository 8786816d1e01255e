import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eInstallationSettings } from "@/scripts/lib/e2e-installation";
import { freePort } from "@/scripts/lib/free-port";
import { startStandaloneServer, type RunningServer } from "@/scripts/lib/standalone-server";
import { createTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";
import { registerApplication } from "./relying-party";
import { createTestUser } from "./users";
import { signedInAs } from "./users-support";

/**
 * The product as a relying party of itself: a second installation, with a database and a
 * secret of its own, whose single sign-on (OIDC_ISSUER) is the end-to-end server's identity
 * provider. Auth.js on the second meets our provider exactly as any application would.
 */
test.describe.configure({ mode: "serial" });
let second: RunningServer | undefined;
let database: TestDatabase | undefined;
let secondUrl: string;
const base = () => process.env.E2E_BASE_URL!;

test.beforeAll(async ({ browser }) => {
  const port = await freePort();
  // Reached by name, so its cookies never mix with the first's (127.0.0.1).
  secondUrl = `http://localhost:${port}`;
  const admin = await signedInAs(browser);
  // Not first-party: people are asked whether the second installation may know them.
  const registered = await registerApplication(admin.request, {
    kind: "web",
    name: "Second installation",
    redirectUris: [`${secondUrl}/api/auth/callback/oidc`],
    scopes: ["openid", "profile", "email"],
  });
  await admin.context.close();
  database = await createTestDatabase("um_dogfood");
  second = await startStandaloneServer(
    {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: "2",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: secondUrl,
      SIGN_UP_ENABLED: "true",
      BCRYPT_COST: e2eInstallationSettings.BCRYPT_COST,
      LOG_LEVEL: "warn",
      OIDC_ISSUER: base(),
      OIDC_CLIENT_ID: registered.clientId,
      OIDC_CLIENT_SECRET: registered.clientSecret!,
      OIDC_NAME: "Company account",
    },
    port,
  );
});

test.afterAll(async () => {
  await second?.stop();
  await database?.dispose();
});

test("a person of the first installation signs in to the second through it, after allowing it once", async ({ browser }) => {
  const person = await createTestUser("dogfood");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${secondUrl}/sign-in`);
  await page.getByRole("button", { name: "Sign in with Company account" }).click();

  // The first installation's own sign-in page, then its consent page.
  await expect(page).toHaveURL(new RegExp(`^${base()}/sign-in\\?callbackUrl=%2Finteraction%2F`));
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Allow Second installation?" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Allow", exact: true }).click();

  await expect(page).toHaveURL(`${secondUrl}/admin`, { timeout: 20_000 });
  await expect(page.getByTestId("current-user-email")).toHaveText(person.email);
  const me = await page.request.get(`${secondUrl}/api/v1/users/me`);
  expect(await me.json()).toMatchObject({ email: person.email, role: "user" });

  // Signing in again asks nothing more: the first remembers both the session and the consent.
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with Company account" }).click();
  await expect(page).toHaveURL(`${secondUrl}/admin`, { timeout: 20_000 });
  await context.close();
});
