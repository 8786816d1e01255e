import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startServerBehindHttps } from "./https-server";
import { signIn } from "./support";
import { createTestUser } from "./users";

// One of these starts a server of its own; running them in turn keeps sign-ins from timing out.
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

test.describe("behind https", () => {
  test("cookies are Secure, HttpOnly, SameSite=Lax and carry __Host-/__Secure- prefixes", async () => {
    // Starting a second server takes a while on a busy machine.
    test.setTimeout(120_000);
    const server = await startServerBehindHttps();
    try {
      const user = await createTestUser("cookies");
      const csrf = await fetch(`${server.url}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookies = csrf.headers.getSetCookie();
      const signedIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
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
    } finally {
      await server.stop();
    }
  });
});
