import { expect, test, type Page } from "@playwright/test";
import { admin } from "./support";
import { createUserViaApi, signedInAs } from "./users-support";

test.describe.configure({ timeout: 60_000 });

const banner = (page: Page) => page.getByRole("region", { name: "Viewing as another user" });

test("viewing as a user shows the banner on every page, keeps their credentials out of reach, and stopping returns to the admin", async ({
  browser,
}) => {
  const { page, request, context } = await signedInAs(browser);
  const target = await createUserViaApi(request, "user", undefined, true);

  await page.goto(`/admin/users/${target.id}`);
  await page.getByRole("button", { name: "View as" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "View as" }).click();
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(target.email);
  await expect(banner(page)).toContainText(admin.email);
  await expect(banner(page)).toContainText(/\d+ minutes? left/);

  // The user's view: no admin console, and their account page without its credentials.
  await page.goto("/account");
  await expect(banner(page)).toBeVisible();
  await expect(page.getByText(`Signed in as ${target.email}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sessions" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Personal access tokens" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);

  // The browser's cookie reaches the API as the user, and the services refuse their credentials.
  const sessions = await context.request.get("/api/v1/users/me/sessions");
  expect(sessions.status()).toBe(403);
  expect((await sessions.json()).detail).toContain(`While viewing as ${target.email}`);
  const token = await context.request.post("/api/v1/users/me/tokens", {
    data: { name: "taken", scopes: ["read"], expiresInDays: 1, password: target.password },
  });
  expect(token.status()).toBe(403);

  await banner(page).getByRole("button", { name: "Stop viewing" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${target.id}$`));
  await expect(page.getByRole("heading", { name: target.email })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  const me = await context.request.get("/api/v1/users/me");
  expect((await me.json()).email).toBe(admin.email);

  // Every request of the visit was recorded under both names.
  const events = await context.request.get(`/api/v1/audit-events?action=impersonation.request&actor=${target.id}`);
  expect(events.status()).toBe(200);
  const { data } = await events.json();
  expect(data.length).toBeGreaterThan(0);
  for (const event of data) expect(event).toMatchObject({ actorEmail: target.email, impersonatorEmail: admin.email });
  expect(data.map((event: { after: { path: string } }) => event.after.path)).toContain("/api/v1/users/me/sessions");

  // The user sees on their own account page that it happened.
  const own = await signedInAs(browser, target.email, target.password);
  await own.page.goto("/account");
  const history = own.page.getByRole("region", { name: "Viewed by administrators" });
  await expect(history).toContainText(admin.email);
  await expect(history).toContainText(/for \d+ minutes?/);
  await own.context.close();
  await context.close();
});

test("nobody is offered to view as a superadmin", async ({ browser }) => {
  const { page, request, context } = await signedInAs(browser);
  const superadmin = await createUserViaApi(request, "superadmin");
  const user = await createUserViaApi(request, "user");

  await page.goto(`/admin/users/${superadmin.id}`);
  await expect(page.getByRole("heading", { name: superadmin.email })).toBeVisible();
  await expect(page.getByRole("button", { name: "View as" })).toHaveCount(0);
  // A user next to them is offered, so the button is not simply missing everywhere.
  await page.goto(`/admin/users/${user.id}`);
  await expect(page.getByRole("button", { name: "View as" })).toBeVisible();
  await context.close();
});
