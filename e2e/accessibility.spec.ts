import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { apiAs, signInAt, uniqueEmail, uniqueSlug } from "./orgs-support";
import { admin } from "./support";
import { createUserWithSecondFactor } from "./mfa-support";
import { createUserViaApi, type CreatedUser } from "./users-support";

/**
 * Every page of the app, in the light and the dark theme, checked with axe-core: a
 * serious or critical violation fails the run. Both themes, because each has its own
 * colours, and the contrast of one says nothing about the other. A theme changes colours
 * only (the same markup under another class), so the light pass runs every rule and the
 * dark pass the rules that read colours.
 */
// Some twenty-five pages per theme, each 5–15 s of axe on the shared 2-core machine.
test.describe.configure({ timeout: 600_000 });

type Theme = "light" | "dark";
/** axe-core's rules whose outcome depends on colours: text and link contrast. */
const colourRules = ["color-contrast", "link-in-text-block"];
type Found = { page: string; rule: string; impact: string; targets: string[] };

/** Real records for the pages to show: a user, an organization with a member, an open invitation and domains, its email. */
async function createRecords(adminApi: APIRequestContext) {
  const user = await createUserViaApi(adminApi);
  const slug = uniqueSlug("a11y");
  const created = await adminApi.post("/api/v1/organizations", { data: { name: "Accessible", slug } });
  expect(created.status(), await created.text()).toBe(201);
  const organization = (await created.json()) as { id: string };
  const added = await adminApi.post(`/api/v1/organizations/${organization.id}/members`, { data: { userId: user.id, role: "member" } });
  expect(added.status(), await added.text()).toBe(201);
  const invitee = uniqueEmail("a11y-invitee");
  const invited = await adminApi.post(`/api/v1/organizations/${organization.id}/invitations`, { data: { email: invitee, role: "member" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { messageId, invitationPath } = await invitationMail(adminApi, invitee);
  // Settings show a pending domain with its TXT record and buttons, and a verified one.
  for (const [label, trust] of [
    ["pending", false],
    ["verified", true],
  ] as const) {
    const claimed = await adminApi.post(`/api/v1/organizations/${organization.id}/domains`, { data: { domain: `${label}-${slug}.test` } });
    expect(claimed.status(), await claimed.text()).toBe(201);
    if (!trust) continue;
    const { id } = (await claimed.json()) as { id: string };
    const verified = await adminApi.post(`/api/v1/organizations/${organization.id}/domains/${id}/verify`, { data: { trust } });
    expect(verified.status(), await verified.text()).toBe(200);
  }
  // The newest user heads /admin/users: a disabled one puts the red status badge on it.
  const disabled = await createUserViaApi(adminApi);
  const disabling = await adminApi.post(`/api/v1/users/${disabled.id}/disable`);
  expect(disabling.status(), await disabling.text()).toBe(200);
  // A confidential application, so its page shows the secret's section too.
  const application = await adminApi.post("/api/v1/applications", {
    data: { kind: "web", name: "Accessible app", redirectUris: ["https://app.example.test/callback"] },
  });
  expect(application.status(), await application.text()).toBe(201);
  const { id: applicationId } = (await application.json()) as { id: string };
  // A group granting a role, with the member in it.
  const group = await adminApi.post(`/api/v1/organizations/${organization.id}/groups`, {
    data: { name: "Accessible group", roles: ["admin"] },
  });
  expect(group.status(), await group.text()).toBe(201);
  const { id: groupId } = (await group.json()) as { id: string };
  const joined = await adminApi.post(`/api/v1/organizations/${organization.id}/groups/${groupId}/members`, { data: { userId: user.id } });
  expect(joined.status(), await joined.text()).toBe(201);
  // Custom attributes of both scopes, so their pages list one and the user's page shows an input.
  const attribute = {
    key: `a11y${slug.slice(-8).replaceAll("-", "")}`,
    label: "Cost center",
    type: "enum",
    options: ["A", "B"],
    userAccess: "read",
  };
  for (const path of ["/api/v1/attributes", `/api/v1/organizations/${organization.id}/attributes`]) {
    const defined = await adminApi.post(path, { data: attribute });
    expect(defined.status(), await defined.text()).toBe(201);
  }
  return { userId: user.id, slug, invitationPath, messageId, applicationId, groupId };
}

/**
 * The invitation's email, read through the outbox API rather than the database: the
 * embedded test database takes one connection, which the server needs.
 */
async function invitationMail(adminApi: APIRequestContext, to: string) {
  let messageId = "";
  // Mail is written after the response that caused it.
  await expect(async () => {
    const outbox = await adminApi.get(`/api/v1/mail/outbox?to=${encodeURIComponent(to)}`);
    expect(outbox.status(), await outbox.text()).toBe(200);
    messageId = ((await outbox.json()) as { data: { id: string }[] }).data[0]?.id ?? "";
    expect(messageId, `the invitation to ${to} in the outbox`).not.toBe("");
  }).toPass({ timeout: 10_000 });
  const message = await adminApi.get(`/api/v1/mail/outbox/${messageId}`);
  const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(((await message.json()) as { text: string }).text)?.[0];
  expect(link, `an invitation link in the mail to ${to}`).toBeTruthy();
  return { messageId, invitationPath: new URL(link!).pathname };
}

let records: Awaited<ReturnType<typeof createRecords>>;
let adminApi: APIRequestContext;
let secondFactorUser: CreatedUser;

test.beforeAll(async () => {
  adminApi = await apiAs(admin.email);
  records = await createRecords(adminApi);
  // Someone with an authenticator app, so that a password sign-in stops at the second-factor page.
  secondFactorUser = (await createUserWithSecondFactor(adminApi)).user;
});

test.afterAll(async () => {
  await adminApi.dispose();
});

const publicPages = () => [
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password?token=not-a-real-token",
  "/verify-email?token=not-a-real-token",
  records.invitationPath,
];

const signedInPages = () => {
  const org = `/orgs/${records.slug}`;
  return [
    "/account",
    "/admin",
    "/admin/users",
    `/admin/users/${records.userId}`,
    "/admin/users/import",
    "/admin/organizations",
    "/admin/audit",
    "/admin/outbox",
    `/admin/outbox/${records.messageId}`,
    "/admin/webhooks",
    "/admin/applications",
    "/admin/attributes",
    `/admin/applications/${records.applicationId}`,
    "/orgs",
    "/orgs/new",
    org,
    `${org}/members`,
    `${org}/members/${records.userId}`,
    `${org}/invitations`,
    `${org}/roles`,
    `${org}/groups`,
    `${org}/groups/${records.groupId}`,
    `${org}/attributes`,
    `${org}/settings`,
    `${org}/audit`,
    `${org}/webhooks`,
    `${org}/applications`,
    "/api/docs",
  ];
};

/** A context that starts in `theme` the way the app remembers a choice: next-themes' `theme` key in localStorage. */
async function themedContext(browser: Browser, theme: Theme): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: theme });
  await context.addInitScript((chosen) => window.localStorage.setItem("theme", chosen), theme);
  return context;
}

/** Opens `path`, waits until it has settled, and answers its serious and critical violations. */
async function check(page: Page, path: string, theme: Theme): Promise<Found[]> {
  const response = await page.goto(path, { waitUntil: "networkidle" });
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  if (path === "/api/docs") {
    await expect(page.locator(".opblock").first()).toBeVisible({ timeout: 30_000 });
    // Swagger UI's own dark theme follows the class its start script sets from the app's choice.
    if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark-mode\b/);
    else await expect(page.locator("html")).not.toHaveClass(/\bdark-mode\b/);
  } else {
    // The theme really applies: next-themes puts the class on <html> before the first paint.
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /\blight\b/);
  }
  // Only violations are wanted; leaving out the passes roughly halves the time axe takes.
  const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  const results = await (theme === "dark" ? axe.withRules(colourRules) : axe).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      page: path,
      rule: violation.id,
      impact: violation.impact!,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

const listViolations = (found: Found[]) =>
  found.map(({ page, rule, impact, targets }) => `${page}: ${impact} ${rule}\n    ${targets.join("\n    ")}`).join("\n");

for (const theme of ["light", "dark"] as const) {
  test(`every page passes axe-core in the ${theme} theme`, async ({ browser }) => {
    const context = await themedContext(browser, theme);
    const page = await context.newPage();
    const found: Found[] = [];

    for (const path of publicPages()) found.push(...(await check(page, path, theme)));

    await page.goto("/sign-in");
    await signInAt(page, secondFactorUser.email, secondFactorUser.password);
    await expect(page).toHaveURL(/\/sign-in\/second-factor/, { timeout: 20_000 });
    const secondFactorPage = new URL(page.url());
    found.push(...(await check(page, secondFactorPage.pathname + secondFactorPage.search, theme)));

    // The admin's session from the API sign-in, so each theme costs no password check of its own.
    await context.clearCookies();
    await context.addCookies((await adminApi.storageState()).cookies);
    for (const path of signedInPages()) found.push(...(await check(page, path, theme)));

    await context.close();
    expect(found, `serious or critical violations in the ${theme} theme:\n${listViolations(found)}`).toEqual([]);
  });
}
