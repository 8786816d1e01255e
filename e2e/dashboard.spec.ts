import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createUserViaApi, signedInAs } from "./users-support";

test.describe.configure({ timeout: 120_000 });

const dayMs = 86_400_000;
const utcDate = (at: Date) => at.toISOString().slice(0, 10);

/** A user who joined `daysAgo` days ago, written straight into the database. */
async function userCreatedDaysAgo(daysAgo: number) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const createdAt = new Date(Date.now() - daysAgo * dayMs);
    await client.query("INSERT INTO users (id, email, role, status, created_at, updated_at) VALUES ($1, $2, 'user', 'active', $3, now())", [
      randomUUID(),
      `dashboard-${randomUUID()}@example.test`,
      createdAt,
    ]);
    return utcDate(createdAt);
  } finally {
    await client.end();
  }
}

const chart = (page: Page, id: string) => page.getByTestId(`chart-${id}`);
/** The chart's accessible table: one row per day, headed by its date. */
const dayRow = (page: Page, id: string, date: string) => chart(page, id).getByRole("row", { name: date, includeHidden: true });

test("the dashboard draws its charts and the range switch changes them", async ({ browser }) => {
  const twentyDaysAgo = await userCreatedDaysAgo(20);
  const { page } = await signedInAs(browser);
  const today = utcDate(new Date());

  await page.goto("/admin");
  await expect(page.getByTestId("stat-tiles")).toContainText("Users");
  for (const id of ["new-users", "sign-ins", "active-users"]) {
    await expect(chart(page, id)).toHaveAttribute("data-points", "30");
    await expect(chart(page, id).locator("svg.recharts-surface").first()).toBeVisible();
  }
  // This very sign-in shows as today's success, and the seeded user on their day.
  await expect(chart(page, "sign-ins").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(dayRow(page, "sign-ins", today).locator("td").first()).not.toHaveText("0");
  await expect(dayRow(page, "new-users", twentyDaysAgo).locator("td")).not.toHaveText("0");

  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\/admin\?range=7$/);
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
  await expect(chart(page, "new-users")).toHaveAttribute("data-points", "7");
  await expect(dayRow(page, "new-users", twentyDaysAgo)).toHaveCount(0);
  await expect(dayRow(page, "new-users", today)).toHaveCount(1);

  await page.reload();
  await expect(chart(page, "sign-ins")).toHaveAttribute("data-points", "7");
  await page.getByRole("link", { name: "90 days" }).click();
  await expect(chart(page, "active-users")).toHaveAttribute("data-points", "90");
});

test("the stats API answers the same figures, and names a bad field", async ({ browser }) => {
  const { request } = await signedInAs(browser);
  const today = utcDate(new Date());
  const response = await request.get(`/api/v1/stats?from=${utcDate(new Date(Date.now() - 6 * dayMs))}&to=${today}`);
  expect(response.status()).toBe(200);
  const stats = await response.json();
  expect(stats.days).toHaveLength(7);
  expect(stats.days.at(-1).date).toBe(today);
  expect(stats.users.total).toBeGreaterThan(0);

  const bad = await request.get("/api/v1/stats?from=2026-02-30");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors[0].field).toBe("from");
});

test("recent security events name the user each is about", async ({ browser }) => {
  const { page, request } = await signedInAs(browser);
  const target = await createUserViaApi(request);
  expect((await request.post(`/api/v1/users/${target.id}/disable`)).status()).toBe(200);
  await page.goto("/admin");
  const event = page.getByTestId("security-events").getByRole("listitem").filter({ hasText: target.email });
  await expect(event).toContainText("user.disabled");
});
