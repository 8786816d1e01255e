import { expect, test, type Browser } from "@playwright/test";
import { apiAs, uniqueSlug } from "./orgs-support";
import { admin } from "./support";

/** The organization pages' own cues: which tab is open, and an address that follows the name. */

/** A phone-sized page signed in as the administrator. */
async function signedInPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const api = await apiAs(admin.email, admin.password);
  await context.addCookies((await api.storageState()).cookies);
  await api.dispose();
  return context.newPage();
}

test("an organization's tabs say which one is open", async ({ browser }) => {
  const api = await apiAs(admin.email, admin.password);
  const slug = uniqueSlug("tabs");
  expect((await api.post("/api/v1/organizations", { data: { name: "Tabs", slug } })).status()).toBe(201);
  await api.dispose();
  const page = await signedInPage(browser);
  await page.goto(`/orgs/${slug}/roles`);
  const tabs = page.getByRole("navigation", { name: "Organization" });
  await expect(tabs.getByRole("link", { name: "Roles" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
  // At a phone's width the tabs wrap: the last one is on screen, not cut off.
  await expect(tabs.getByRole("link", { name: "Webhooks" })).toBeInViewport();
  await page.context().close();
});

test("a new organization's address follows its name until it is edited", async ({ browser }) => {
  const page = await signedInPage(browser);
  await page.goto("/orgs/new");
  await page.getByLabel("Name").fill("Zoë & Co. Labs");
  const address = page.getByLabel("Address (used in links, e.g. acme-labs)");
  await expect(address).toHaveValue("zoe-co-labs");
  await address.fill("zoe");
  await page.getByLabel("Name").fill("Something else");
  await expect(address).toHaveValue("zoe");
  await page.context().close();
});
