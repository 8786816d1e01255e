import { expect, request as playwrightRequest, test } from "@playwright/test";
import { apiAs, createUser, createUserWithId, uniqueSlug } from "./orgs-support";
import { admin, signIn } from "./support";
import { createUserViaApi, signedInAs } from "./users-support";

test.describe.configure({ timeout: 120_000 });

const rows = (page: import("@playwright/test").Page) => page.getByRole("table", { name: "Audit events" }).locator("tbody tr");

test("the explorer filters by action and actor, keeps the filters in the URL, and shows a diff", async ({ browser }) => {
  const { page, request } = await signedInAs(browser);
  const target = await createUserViaApi(request);
  expect((await request.post(`/api/v1/users/${target.id}/disable`)).status()).toBe(200);

  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption("user.disabled");
  await page.getByLabel("Actor").fill(admin.email);
  await page.getByLabel("Target user").fill(target.email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=user\.disabled/);
  await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(admin.email)}`));
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("user.disabled");
  await expect(rows(page).first()).toContainText(target.email);

  await page.reload();
  await expect(page.getByLabel("Action")).toHaveValue("user.disabled");
  await expect(page.getByLabel("Actor")).toHaveValue(admin.email);
  await expect(rows(page)).toHaveCount(1);

  await page.getByRole("button", { name: "Details of user.disabled" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.locator('tr[data-changed="true"]', { hasText: "status" })).toContainText('"disabled"');

  // The action link in a row narrows to that action alone, keeping the other filters.
  await page.keyboard.press("Escape");
  await page.getByLabel("Action").selectOption("");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows(page)).toHaveCount(2);
  await rows(page).getByRole("link", { name: "user.created" }).click();
  await expect(page).toHaveURL(/action=user\.created/);
  await expect(rows(page)).toHaveCount(1);
});

test("a filter the database would refuse is shown beside the filters, never a server error", async ({ browser }) => {
  const { page } = await signedInAs(browser);
  // A NUL in the actor once reached PostgreSQL (22021) and answered the page with a 500.
  expect((await page.goto("/admin/audit?actor=%2Fe%00"))?.status()).toBe(200);
  await expect(page.getByText("Remove control characters such as line breaks or NUL.")).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  // A cursor that is not one of ours is the service's to refuse; the page shows that too.
  expect((await page.goto("/admin/audit?cursor=eyJ2YWx1ZSI6IngifQ"))?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "This link to older events is not valid" })).toBeVisible();
});

test("an organization's admin sees only that organization's events", async ({ browser }) => {
  const email = await createUser("org-auditor");
  const own = await apiAs(email);
  const mine = (await (await own.post("/api/v1/organizations", { data: { name: "Audited", slug: uniqueSlug("mine") } })).json()) as {
    id: string;
    slug: string;
  };
  const adminApi = await apiAs(admin.email);
  const theirs = (await (
    await adminApi.post("/api/v1/organizations", { data: { name: "Elsewhere", slug: uniqueSlug("theirs") } })
  ).json()) as { id: string; slug: string };

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, admin.password);
  await page.goto(`/orgs/${mine.slug}`);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${mine.slug}/audit$`));
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("organization.created");
  await expect(page.getByText(theirs.slug)).toHaveCount(0);

  expect((await page.goto(`/orgs/${theirs.slug}/audit`))?.status()).toBe(404);
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
});

test("the audit API answers each kind of caller as the authorization matrix says", async () => {
  const { email: ownerEmail } = await createUserWithId("audit-owner");
  const { email: memberEmail, id: memberId } = await createUserWithId("audit-member");
  const owner = await apiAs(ownerEmail);
  const organization = (await (await owner.post("/api/v1/organizations", { data: { name: "Matrix", slug: uniqueSlug() } })).json()) as {
    id: string;
  };
  // Adding an existing user directly is for global administrators; others invite.
  const superadmin = await apiAs(admin.email);
  expect(
    (await superadmin.post(`/api/v1/organizations/${organization.id}/members`, { data: { userId: memberId, role: "member" } })).status(),
  ).toBe(201);
  const member = await apiAs(memberEmail);
  const other = (await (await superadmin.post("/api/v1/organizations", { data: { name: "Other", slug: uniqueSlug() } })).json()) as {
    id: string;
  };
  const tokenResponse = await superadmin.post("/api/v1/users/me/tokens", {
    data: { name: "audit, one org", scopes: ["read"], organizationId: other.id, expiresInDays: 30 },
  });
  expect(tokenResponse.status(), await tokenResponse.text()).toBe(201);
  const limited = await playwrightRequest.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${((await tokenResponse.json()) as { token: string }).token}` },
  });
  const anonymous = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });

  const global = "/api/v1/audit-events";
  const scoped = (id: string) => `/api/v1/organizations/${id}/audit-events`;
  const matrix: [string, typeof owner, string, number][] = [
    ["anonymous", anonymous, global, 401],
    ["anonymous", anonymous, scoped(organization.id), 401],
    ["owner", owner, global, 403],
    ["owner", owner, scoped(organization.id), 200],
    ["owner", owner, scoped(other.id), 404],
    ["member without audit:read", member, scoped(organization.id), 403],
    ["superadmin", superadmin, global, 200],
    ["superadmin", superadmin, scoped(other.id), 200],
    // A superadmin's token limited to one organization loses every other power of its user.
    ["superadmin token limited to another organization", limited, scoped(other.id), 200],
    ["superadmin token limited to another organization", limited, scoped(organization.id), 404],
    ["superadmin token limited to another organization", limited, global, 403],
  ];
  for (const [caller, client, path, status] of matrix) {
    expect((await client.get(path)).status(), `${caller} GET ${path}`).toBe(status);
  }
  const page = (await (await owner.get(`${scoped(organization.id)}?action=member.added`)).json()) as {
    data: { action: string; organizationId: string }[];
  };
  expect(page.data.map((event) => event.action)).toEqual(["member.added"]);
  expect((await superadmin.get(`${global}?ip=nope`)).status()).toBe(422);
});

test("a superadmin verifies the hash chain from the explorer; an admin is not offered it", async ({ browser }) => {
  const { page, request } = await signedInAs(browser);
  const target = await createUserViaApi(request);
  expect((await request.post(`/api/v1/users/${target.id}/disable`)).status()).toBe(200);

  await page.goto("/admin/audit");
  await page.getByRole("button", { name: "Verify the chain" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The chain is intact" })).toContainText(/\d+ events verified/);

  // The check is itself in the log, with its outcome.
  await page.goto("/admin/audit?action=audit.verified");
  await expect(rows(page).first()).toContainText("audit.verified");

  const otherAdmin = await createUserViaApi(request, "admin", undefined, true);
  const { page: adminPage } = await signedInAs(browser, otherAdmin.email, otherAdmin.password);
  await adminPage.goto("/admin/audit");
  await expect(adminPage.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Verify the chain" })).toHaveCount(0);
});
