import { expect, test } from "@playwright/test";
import { createUserViaApi, signedInAs } from "./users-support";

// Two sign-ins and a bcrypt check each: slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("an administrator sees a user's personal access tokens and revokes one", async ({ browser, playwright }) => {
  const superadmin = await signedInAs(browser);
  const target = await createUserViaApi(superadmin.request, "user", undefined, true);
  const owner = await signedInAs(browser, target.email, target.password);
  const created = await owner.request.post("/api/v1/users/me/tokens", {
    data: { name: "Deploy bot", scopes: ["read"], expiresInDays: 30, password: target.password },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token, prefix } = (await created.json()) as { token: string; prefix: string };
  const bearer = await playwright.request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  expect((await bearer.get("/api/v1/users/me")).status()).toBe(200);

  const page = superadmin.page;
  await page.goto(`/admin/users/${target.id}`);
  const section = page.getByRole("region", { name: "Personal access tokens (1)" });
  await expect(section.getByText("Deploy bot")).toBeVisible();
  await expect(section.getByText(`${prefix}…`)).toBeVisible();
  await section.getByRole("button", { name: "Revoke token Deploy bot" }).click();
  await expect(page.getByRole("region", { name: "Personal access tokens (0)" })).toBeVisible();
  expect((await bearer.get("/api/v1/users/me")).status()).toBe(401);
});

test("creating a token without an expiry is refused while API_TOKEN_MAX_DAYS is set", async ({ browser }) => {
  const superadmin = await signedInAs(browser);
  const target = await createUserViaApi(superadmin.request, "user", undefined, true);
  const owner = await signedInAs(browser, target.email, target.password);
  const refused = await owner.request.post("/api/v1/users/me/tokens", {
    data: { name: "Forever", scopes: ["read"], password: target.password },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors).toEqual([expect.objectContaining({ field: "expiresInDays" })]);
  const wrongPassword = await owner.request.post("/api/v1/users/me/tokens", {
    data: { name: "Guess", scopes: ["read"], expiresInDays: 7, password: "not the password" },
  });
  expect(wrongPassword.status()).toBe(422);
  expect((await wrongPassword.json()).errors).toEqual([expect.objectContaining({ field: "password" })]);
});
