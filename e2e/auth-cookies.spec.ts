import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";
import { createTestUser } from "./users";
import { variantUrl } from "./variants";

// Sign-ins in turn, so that none times out on a busy machine.
test.describe.configure({ mode: "serial" });

/** The attributes of one Set-Cookie line, lower-cased, with the cookie's name. */
function parseSetCookie(line: string) {
  const [pair, ...attributes] = line.split(";").map((part) => part.trim());
  return { name: pair!.split("=")[0]!, attributes: attributes.map((attribute) => attribute.toLowerCase()) };
}

test("over http the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page);
  const session = (await context.cookies()).find((cookie) => cookie.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
});

test("signing in through the form leaves a device cookie that the browser keeps for 180 days", async ({ page, context }) => {
  await signIn(page);
  const device = (await context.cookies()).find((cookie) => cookie.name === "usermanager.device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  const days = (device!.expires * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(179);
  expect(days).toBeLessThanOrEqual(180);
});

test("the sign-in form says when to try again after repeated failures", async ({ page }) => {
  const email = `nobody-${randomUUID()}@example.test`;
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // React empties the password once the answer is in; filling the next one earlier would be wiped.
    await expect(page.getByLabel("Password")).toHaveValue("");
    const expected =
      attempt < 5 ? "The email or password is incorrect." : "Too many failed sign-ins for this account. Try again in 30 seconds.";
    await expect(page.locator("form").getByRole("alert")).toHaveText(expected);
  }
});

test("behind https, cookies are Secure, HttpOnly, SameSite=Lax and carry __Host-/__Secure- prefixes", async () => {
  const httpsUrl = variantUrl("https");
  const user = await createTestUser("cookies");
  const csrf = await fetch(`${httpsUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie();
  const signedIn = await fetch(`${httpsUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookies.map((line) => line.split(";")[0]).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, callbackUrl: "/admin" }),
  });
  const cookies = [...csrfCookies, ...signedIn.headers.getSetCookie()].map(parseSetCookie);
  const names = cookies.map((cookie) => cookie.name);
  expect(names).toContain("__Host-authjs.csrf-token");
  expect(names).toContain("__Host-authjs.session-token");
  for (const cookie of cookies) {
    expect(cookie.name, cookie.name).toMatch(/^__(Host|Secure)-/);
    expect(cookie.attributes, cookie.name).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax"]));
  }
});
