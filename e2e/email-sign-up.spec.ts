import { expect, test } from "@playwright/test";
import { signIn } from "./support";
import { linkFromNewestMail, readNewestMail, uniqueEmail } from "./email-support";

const password = "sign up passphrase for e2e 61";

test("sign-up answers the same for a registered address and mails its owner instead", async ({ request, browser }) => {
  const email = uniqueEmail("owner");
  const fresh = await request.post("/api/v1/auth/sign-up", { data: { email, name: "Owner", password } });
  const taken = await request.post("/api/v1/auth/sign-up", { data: { email, name: "Intruder", password } });
  expect(fresh.status()).toBe(202);
  expect(taken.status()).toBe(202);
  expect(await taken.json()).toEqual(await fresh.json());
  expect((await readNewestMail(browser, email)).subject).toBe("Someone tried to register with your email address");

  const invalid = await request.post("/api/v1/auth/sign-up", { data: { email: "x@", name: "", password: "short" } });
  expect(invalid.status()).toBe(422);
  expect(((await invalid.json()).errors as { field: string }[]).map((error) => error.field).sort()).toEqual(["email", "name", "password"]);

  const weak = await request.post("/api/v1/auth/sign-up", { data: { email: uniqueEmail("weak"), name: "Weak", password: "Summer2024!" } });
  expect(weak.status()).toBe(422);
  expect((await weak.json()).errors).toEqual([
    { field: "password", message: "This is a common password with digits or symbols added; choose one that is harder to guess." },
  ]);
});

test("a person signs up, confirms their address, and signs in", async ({ page, browser }) => {
  const email = uniqueEmail("signup");
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Enter an email address.")).toBeVisible();

  await page.getByLabel("Name").fill("Sign Up Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("We have sent you an email");

  await page.goto(await linkFromNewestMail(browser, email, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("status")).toHaveText(`Thank you: ${email} is confirmed.`);

  await signIn(page, email, password);
  const me = await page.request.get("/api/v1/users/me");
  expect(await me.json()).toMatchObject({ email, role: "user", emailVerifiedAt: expect.any(String) });

  // The outbox holds live links: the API refuses anyone but a superadmin, and the page does not exist for them.
  expect((await page.request.get("/api/v1/mail/outbox")).status()).toBe(403);
  expect((await page.goto("/admin/outbox"))?.status()).toBe(404);
});

test("a signed-in user moves their account to a new address", async ({ page, browser }) => {
  const email = uniqueEmail("before");
  const newEmail = uniqueEmail("after");
  expect((await page.request.post("/api/v1/auth/sign-up", { data: { email, name: "Mover", password } })).status()).toBe(202);
  await signIn(page, email, password);

  const wrong = await page.request.post("/api/v1/users/me/email", { data: { newEmail, password: "not my password" } });
  expect(wrong.status()).toBe(422);
  const accepted = await page.request.post("/api/v1/users/me/email", { data: { newEmail, password } });
  expect(accepted.status()).toBe(202);

  const link = await linkFromNewestMail(browser, newEmail, "/verify-email");
  const token = new URL(link, "http://x").searchParams.get("token");
  const verified = await page.request.post("/api/v1/auth/email/verify", { data: { token } });
  expect(await verified.json()).toEqual({ email: newEmail, changed: true });
  expect(await (await page.request.get("/api/v1/users/me")).json()).toMatchObject({ email: newEmail });
});
