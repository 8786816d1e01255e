import { expect, test } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { enrolAuthenticatorApp } from "./mfa-support";
import { apiAs, createUser, createUserWithId, signInAt, uniqueSlug } from "./orgs-support";
import { admin } from "./support";

test("an organization that requires two factors sends a member without one to enrolment, and nowhere else until they enrol", async ({
  page,
  browser,
}) => {
  test.slow();
  const owner = await createUser("strict-owner");
  const member = await createUserWithId("strict-member");
  const ownerApi = await apiAs(owner);
  const slug = uniqueSlug("strict");
  const created = await ownerApi.post("/api/v1/organizations", { data: { name: "Strict Works", slug } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  // Only a global administrator adds an existing account directly; owners invite.
  const adminApi = await apiAs(admin.email);
  expect((await adminApi.post(`/api/v1/organizations/${id}/members`, { data: { userId: member.id, role: "member" } })).status()).toBe(201);

  // The owner switches the requirement on in the organization's settings, once they have a second factor themselves.
  await page.goto("/sign-in");
  await signInAt(page, owner);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/orgs/${slug}/settings`);
  await page.getByLabel(/Members must use two-factor authentication/).check();
  await page.getByRole("button", { name: "Update security" }).click();
  await expect(page.getByText("Set up two-factor authentication for your own account first.")).toBeVisible();
  const { secret: ownerSecret } = (await (await ownerApi.post("/api/v1/users/me/mfa/totp")).json()) as { secret: string };
  expect((await ownerApi.post("/api/v1/users/me/mfa/totp/confirm", { data: { code: totpCode(ownerSecret) } })).status()).toBe(200);
  await page.getByLabel(/Members must use two-factor authentication/).check();
  await page.getByRole("button", { name: "Update security" }).click();
  await expect(page.getByText("Members must now use a second factor.")).toBeVisible();

  // The member signs in and lands on enrolment; other pages and the API are closed to them.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await memberPage.goto("/sign-in");
  await signInAt(memberPage, member.email);
  await expect(memberPage).toHaveURL(/\/account\?mfa=required/);
  await expect(memberPage.getByRole("alert").filter({ hasText: "must use two-factor authentication" })).toBeVisible();
  await memberPage.goto(`/orgs/${slug}`);
  await expect(memberPage).toHaveURL(/\/account\?mfa=required/);
  const refused = await memberPage.request.get("/api/v1/organizations");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: "mfa_enrollment_required" });

  await enrolAuthenticatorApp(memberPage);
  await memberPage.goto(`/orgs/${slug}`);
  await expect(memberPage).toHaveURL(new RegExp(`/orgs/${slug}$`));
  expect((await memberPage.request.get("/api/v1/organizations")).status()).toBe(200);
  await memberContext.close();
});
