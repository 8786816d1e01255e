import { expect, test, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { apiAs, uniqueSlug } from "./orgs-support";
import { admin } from "./support";

/**
 * The console at a phone's width (390 px) and a laptop's (1,280 px), in both themes: no
 * page may be wider than the window (a table scrolls inside its own region instead), and
 * an unknown address answers 404 with the app's own page and a way back.
 */
test.describe.configure({ timeout: 300_000 });

const widths = [390, 1280] as const;
const themes = ["light", "dark"] as const;

async function signedInPage(browser: Browser, width: number, theme: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme as "light" | "dark" });
  await context.addInitScript((chosen) => window.localStorage.setItem("theme", chosen), theme);
  const api = await apiAs(admin.email, admin.password);
  await context.addCookies((await api.storageState()).cookies);
  await api.dispose();
  return context.newPage();
}

/** How far the page reaches past the window's right edge, in CSS pixels. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("no main page is wider than the window, at 390 and 1,280 px, in either theme", async ({ browser }) => {
  const api = await apiAs(admin.email, admin.password);
  const slug = uniqueSlug("widths");
  const created = await api.post("/api/v1/organizations", { data: { name: "Widths", slug } });
  expect(created.status(), await created.text()).toBe(201);
  // An invitation's mail: its link is one long word the message's page must wrap.
  const { id: organizationId } = (await created.json()) as { id: string };
  const invitee = `widths-${randomUUID()}@example.test`;
  const invited = await api.post(`/api/v1/organizations/${organizationId}/invitations`, { data: { email: invitee, role: "member" } });
  expect(invited.status(), await invited.text()).toBe(201);
  let messageId = "";
  await expect(async () => {
    const outbox = await api.get(`/api/v1/mail/outbox?to=${encodeURIComponent(invitee)}`);
    messageId = ((await outbox.json()) as { data: { id: string }[] }).data[0]?.id ?? "";
    expect(messageId, `the invitation to ${invitee} in the outbox`).not.toBe("");
  }).toPass({ timeout: 10_000 });
  await api.dispose();
  const paths = [
    "/admin",
    "/admin/users",
    "/admin/organizations",
    "/admin/audit",
    "/admin/outbox",
    `/admin/outbox/${messageId}`,
    "/admin/applications",
    "/account",
    `/orgs/${slug}`,
    `/orgs/${slug}/members`,
    `/orgs/${slug}/roles`,
    `/orgs/${slug}/settings`,
  ];
  const wide: string[] = [];
  for (const theme of themes) {
    for (const width of widths) {
      const page = await signedInPage(browser, width, theme);
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        const extra = await overflow(page);
        if (extra > 0) wide.push(`${path} at ${width} px (${theme}): ${extra} px too wide`);
      }
      await page.context().close();
    }
  }
  expect(wide).toEqual([]);
});

test("unknown addresses answer 404 with the app's page and a way back, signed in (inside the app's frame) or not", async ({
  browser,
  request,
}) => {
  const signedIn = await signedInPage(browser, 1280, "light");
  const signedOut = await (await browser.newContext()).newPage();
  for (const [page, path] of [
    [signedOut, "/no-such-page"],
    [signedIn, "/no-such-page"],
    [signedIn, `/admin/users/${randomUUID()}`],
    [signedIn, `/orgs/${uniqueSlug("missing")}`],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the start page" }), path).toHaveAttribute("href", "/");
    await expect(page.getByRole("navigation", { name: "Main" }), path).toHaveCount(page === signedIn ? 1 : 0);
  }
  await signedIn.context().close();
  await signedOut.context().close();

  // The API's paths have no trailing slash: one is redirected to the path without it, as the document lists.
  const redirected = await request.get("/api/v1/health/", { maxRedirects: 0 });
  expect(redirected.status()).toBe(308);
  expect(redirected.headers()["location"]).toBe("/api/v1/health");
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
  };
  expect(document.paths["/api/v1/health"]?.get?.responses["308"]).toBeDefined();
});
