import { expect, test } from "@playwright/test";
import { signedInAs } from "./users-support";

test("an administrator registers an application in the console, sees its secret once, turns it off and rotates the secret", async ({
  browser,
}) => {
  const { page, context } = await signedInAs(browser);
  const name = `Console app ${Date.now()}`;
  await page.goto("/admin/applications");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Kind").selectOption("web");
  await page.getByLabel(/^Redirect URIs/).fill("https://console.example.test/callback\nhttps://console.example.test/other");
  await page.getByRole("checkbox", { name: "organizations" }).check();
  await page.getByRole("checkbox", { name: "openid" }).check();
  await page.getByRole("button", { name: "Register application" }).click();
  await expect(page.getByTestId("application-secret")).toHaveText(/^umcs_/);

  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByLabel(/^Redirect URIs/)).toHaveValue("https://console.example.test/callback\nhttps://console.example.test/other");
  await expect(page.getByRole("checkbox", { name: "organizations" })).toBeChecked();
  await page.getByRole("checkbox", { name: /^Enabled/ }).uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The application was saved.")).toBeVisible();
  await page.goto("/admin/applications");
  await expect(page.getByTestId("application").filter({ hasText: name })).toContainText("disabled");

  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Rotate client secret" }).click();
  await expect(page.getByTestId("application-secret")).toHaveText(/^umcs_/);
  await expect(page.getByText(/The previous secret also works until/)).toBeVisible();
  await context.close();
});
