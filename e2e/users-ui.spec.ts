import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signedInAs } from "./users-support";

test.describe.configure({ timeout: 60_000 });

/** Imports users whose emails share a marker, so a search shows exactly them. */
async function importMarked(request: APIRequestContext, count: number, role = "user") {
  const marker = `ui${randomUUID().slice(0, 8)}`;
  const rows = Array.from(
    { length: count },
    (_, index) => `${marker}-${String(index).padStart(2, "0")}@example.test,Person ${index},${role}`,
  );
  const response = await request.post("/api/v1/users/import", {
    data: `email,name,role\n${rows.join("\n")}\n`,
    headers: { "content-type": "text/csv" },
  });
  expect(response.status()).toBe(201);
  return marker;
}

async function search(page: Page, text: string) {
  await page.getByLabel("Search").fill(text);
  await expect(page).toHaveURL(new RegExp(`q=${text}`));
}

const rows = (page: Page) => page.getByRole("table", { name: "Users" }).locator("tbody tr");

test("search, filter, sort and paginate, with the state in the URL", async ({ browser }) => {
  const { page, request } = await signedInAs(browser);
  const marker = await importMarked(request, 27);
  await page.goto("/admin/users");
  await search(page, marker);
  await expect(rows(page)).toHaveCount(25);
  await expect(page.getByText("1–25 of 27")).toBeVisible();

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows(page)).toHaveCount(2);

  await page.getByRole("link", { name: /^Email/ }).click();
  await expect(page).toHaveURL(/sort=email&order=asc/);
  await expect(rows(page).first()).toContainText(`${marker}-00@`);
  await page.getByRole("link", { name: /^Email/ }).click();
  await expect(rows(page).first()).toContainText(`${marker}-26@`);

  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue(marker);
  await page.getByLabel("Status").selectOption("disabled");
  await expect(page).toHaveURL(/status=disabled/);
  await expect(page.getByText("No users match.")).toBeVisible();
});

test("create, edit, disable, delete and restore one user", async ({ browser }) => {
  const { page } = await signedInAs(browser);
  const email = `ui-${randomUUID()}@example.test`;
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByLabel("Email", { exact: true }).fill("not an email");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("Enter a valid email address.")).toBeVisible();
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await dialog.getByLabel("Name", { exact: true }).fill("Grace");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("User created; the invitation is on its way.")).toBeVisible();
  // Straight to the new user's page, whatever the list was showing.
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: email })).toBeVisible();
  await page.getByLabel("Display name", { exact: true }).fill("Grace Hopper");
  await page.getByLabel("Role").selectOption("admin");
  // The profile is saved with the rest; a time zone that does not exist is refused beside its input.
  await page.getByLabel("Given name", { exact: true }).fill("Grace");
  await page.getByLabel("Time zone", { exact: true }).fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Time zone", { exact: true }).fill("America/New_York");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Given name", { exact: true })).toHaveValue("Grace");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("America/New_York");
  await expect(page.getByText("user.updated").first()).toBeVisible();

  await page.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Disabled; their sessions ended and their tokens are revoked.")).toBeVisible();
  await expect(page.getByText("disabled", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Deleted. You can restore them for a while.")).toBeVisible();
  await page.getByRole("button", { name: "Restore" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Restored.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete" })).toBeVisible();
});

test("a bulk action disables the selected users", async ({ browser }) => {
  const { page } = await signedInAs(browser);
  const marker = await importMarked(page.request, 3);
  await page.goto(`/admin/users?q=${marker}`);
  await expect(rows(page)).toHaveCount(3);
  await page.getByLabel("Select all users on this page").check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("3 selected");
  await bulk.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Done for 3 users.")).toBeVisible();
  await page.goto(`/admin/users?q=${marker}&status=disabled`);
  await expect(rows(page)).toHaveCount(3);
});

test("row actions disable, enable and delete one user after confirming", async ({ browser }) => {
  const { page } = await signedInAs(browser);
  const marker = await importMarked(page.request, 2);
  const email = `${marker}-00@example.test`;
  await page.goto(`/admin/users?q=${marker}`);
  const row = rows(page).filter({ hasText: email });

  await row.getByRole("button", { name: `Disable ${email}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Disable ${email}?`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("active");

  await row.getByRole("button", { name: `Disable ${email}` }).click();
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Done for 1 user.")).toBeVisible();
  await expect(row).toContainText("disabled");

  await row.getByRole("button", { name: `Enable ${email}` }).click();
  await dialog.getByRole("button", { name: "Enable" }).click();
  await expect(row).toContainText("active");

  await row.getByRole("button", { name: `Delete ${email}` }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(`${marker}-01@`);
});

test("import previews a bad row by number, then imports the valid ones", async ({ browser }) => {
  const { page } = await signedInAs(browser);
  const marker = `imp${randomUUID().slice(0, 8)}`;
  const csv = `email,name,role\n${marker}-a@example.test,Ann,user\nnot-an-email,Bob,user\n${marker}-c@example.test,Cy,owner\n${marker}-d@example.test,Di,admin\n`;
  await page.goto("/admin/users/import");
  await page.getByLabel(/^File/).setInputFiles({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview" }).click();
  const status = page.getByRole("status").filter({ hasText: "Preview of users.csv" });
  await expect(status).toContainText("4 rows, 2 valid");
  const problems = page.getByRole("table", { name: "Problems by row" });
  await expect(problems.locator("tbody tr")).toHaveCount(2);
  await expect(problems.locator("tbody tr").first()).toContainText("2email");

  await page.getByLabel("Import the valid rows even if some are invalid").check();
  await page.getByLabel(/^File/).setInputFiles({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported 2 users.")).toBeVisible();
  await page.goto(`/admin/users?q=${marker}`);
  await expect(rows(page)).toHaveCount(2);
});

test("export downloads the users matching the current filters", async ({ browser }) => {
  const { page } = await signedInAs(browser);
  const marker = await importMarked(page.request, 2, "admin");
  await page.goto(`/admin/users?q=${marker}&role=admin`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines.slice(1).every((line) => line.includes(marker) && line.includes(",admin,"))).toBe(true);
});

test("people who are not administrators get a 404 from the users pages, and the users API refuses them", async ({ browser }) => {
  const admin = await signedInAs(browser);
  const email = `plain-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  expect((await admin.request.post("/api/v1/users", { data: { email, password } })).status()).toBe(201);
  const { page } = await signedInAs(browser, email, password);
  for (const path of ["/admin/users", "/admin/users/import", `/admin/users/${randomUUID()}`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
  }
  // The API names the permission it lacks: the collection exists, and no user's existence is told.
  expect((await page.request.get("/api/v1/users")).status()).toBe(403);
  expect((await page.request.get(`/api/v1/users/${randomUUID()}`)).status()).toBe(403);
});

test("a user created with an attribute's value is found by filtering the list on it, and the export keeps the filter", async ({
  browser,
}) => {
  const { page } = await signedInAs(browser);
  const key = `desk${randomUUID().slice(0, 8)}`;
  const defined = await page.request.post("/api/v1/attributes", { data: { key, label: `Desk ${key}`, type: "number" } });
  expect(defined.status()).toBe(201);
  try {
    const email = `ui-${randomUUID()}@example.test`;
    await page.goto("/admin/users");
    await page.getByRole("button", { name: "Create user" }).click();
    const dialog = page.getByRole("dialog", { name: "Create user" });
    await dialog.getByLabel("Email", { exact: true }).fill(email);
    await dialog.getByLabel(`Desk ${key}`).fill("9007199254740993");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByLabel(`Desk ${key}`)).toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel(`Desk ${key}`).fill("42");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByLabel(`Desk ${key}`)).toHaveValue("42");

    await page.goto("/admin/users");
    await page.getByLabel("Attribute", { exact: true }).selectOption(key);
    await page.getByLabel(`Desk ${key} is`).fill("42");
    await expect(page).toHaveURL(new RegExp(`attribute\\.${key}=42`));
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(email);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(email);
  } finally {
    await page.request.delete(`/api/v1/attributes/${key}`);
  }
});
