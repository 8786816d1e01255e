import { expect, test, type Page } from "@playwright/test";
import { apiAs, createUser, createUserWithId, invitationLinkFor, signInAt, uniqueEmail, uniqueSlug } from "./orgs-support";

async function signInAsNewOwner(page: Page) {
  const email = await createUser("ui-owner");
  await page.goto("/sign-in");
  await signInAt(page, email);
  await expect(page).toHaveURL(/\/admin$/);
  return email;
}

async function createOrganizationInUi(page: Page, name: string) {
  const slug = uniqueSlug();
  await page.goto("/orgs/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Address/).fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return slug;
}

/**
 * A new owner signed in on `page`, an organization they made in the console, and a member
 * they invited who accepted (an owner brings people in by invitation), with the member's
 * API session.
 */
async function organizationWithMember(page: Page, name: string, memberLabel: string) {
  await signInAsNewOwner(page);
  const slug = await createOrganizationInUi(page, name);
  const organizations = (await (await page.request.get("/api/v1/organizations")).json()) as { data: { id: string; slug: string }[] };
  const id = organizations.data.find((o) => o.slug === slug)!.id;
  const { email, id: userId } = await createUserWithId(memberLabel);
  const api = await apiAs(email);
  const invited = await page.request.post(`/api/v1/organizations/${id}/invitations`, { data: { email, role: "member" } });
  const token = (await invitationLinkFor(email)).split("/").pop();
  expect([invited.status(), (await api.post(`/api/v1/invitations/${token}/accept`)).status()]).toEqual([201, 200]);
  return { slug, id, member: { email, id: userId, api } };
}

test("an invitation brings a newcomer in with a new account, and a known user after signing in", async ({ page, browser }) => {
  await signInAsNewOwner(page);
  const slug = await createOrganizationInUi(page, "Invite Works");
  const newcomer = uniqueEmail("newcomer");
  const known = await createUser("known");

  await page.goto(`/orgs/${slug}/invitations`);
  for (const email of [newcomer, known]) {
    await page.getByLabel("Email to invite").fill(email);
    await page.getByLabel("Role to offer").selectOption("admin");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByTestId(`invitation-${email}`)).toBeVisible();
  }

  const visitor = await browser.newContext();
  const newcomerPage = await visitor.newPage();
  await newcomerPage.goto(await invitationLinkFor(newcomer));
  await expect(newcomerPage.getByRole("heading", { name: "Join Invite Works" })).toBeVisible();
  await newcomerPage.getByLabel("Your name").fill("New Comer");
  await newcomerPage.getByLabel("Choose a password").fill("a brand new passphrase 9");
  await newcomerPage.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomerPage).toHaveURL(/\/orgs$/);
  await expect(newcomerPage.getByRole("link", { name: /Invite Works/ })).toBeVisible();
  await visitor.close();

  const knownContext = await browser.newContext();
  const knownPage = await knownContext.newPage();
  const link = await invitationLinkFor(known);
  await knownPage.goto(link);
  await knownPage.getByRole("link", { name: `Sign in as ${known} to accept` }).click();
  await signInAt(knownPage, known);
  await expect(knownPage).toHaveURL(new RegExp(`${link}$`));
  await knownPage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(knownPage).toHaveURL(new RegExp(`/orgs/${slug}$`));
  await knownPage.goto(link);
  await expect(knownPage.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  await knownContext.close();

  await page.goto(`/orgs/${slug}/members`);
  await expect(page.getByTestId(`member-${newcomer}`)).toBeVisible();
  await expect(page.getByTestId(`member-${known}`).getByLabel(`Role of ${known}`)).toHaveValue("admin");
});

test("a custom role edited in the matrix takes effect on the member's next request", async ({ page }) => {
  await signInAsNewOwner(page);
  const slug = await createOrganizationInUi(page, "Role Works");
  await page.getByRole("button", { name: "Switch organization" }).click();
  await expect(page.getByRole("menuitem", { name: "Role Works" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  const helperEmail = await createUser("helper");

  await page.goto(`/orgs/${slug}/roles`);
  await page.getByLabel("Role name").fill("inviter");
  await page.getByRole("checkbox", { name: /^members:invite/ }).check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByTestId("role-inviter")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "owner: roles:manage" })).toBeDisabled();

  await page.goto(`/orgs/${slug}/members`);
  await page.getByLabel("Email address").fill(helperEmail);
  await page.getByLabel("Role of the new member").selectOption("inviter");
  await page.getByRole("button", { name: "Add member" }).click();
  // A plain user's organization invites: the helper joins only by accepting.
  await expect(page.getByText(`An invitation was sent to ${helperEmail}`)).toBeVisible();
  await expect(page.getByTestId(`member-${helperEmail}`)).toHaveCount(0);
  const helper = await apiAs(helperEmail);
  const token = (await invitationLinkFor(helperEmail)).split("/").pop();
  expect((await helper.post(`/api/v1/invitations/${token}/accept`)).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId(`member-${helperEmail}`)).toBeVisible();

  const organizations = (await (await page.request.get("/api/v1/organizations")).json()) as { data: { id: string; slug: string }[] };
  const id = organizations.data.find((o) => o.slug === slug)!.id;
  expect((await helper.get(`/api/v1/organizations/${id}/invitations`)).status()).toBe(200);

  await page.goto(`/orgs/${slug}/roles`);
  await page.getByRole("checkbox", { name: "inviter: members:invite" }).uncheck();
  await page.getByRole("button", { name: "Save inviter" }).click();
  await expect(page.getByText("The role's permissions were saved.")).toBeVisible();
  expect((await helper.get(`/api/v1/organizations/${id}/invitations`)).status()).toBe(403);
  await helper.dispose();
});

test("a group made in the console grants its role to the member put in it, until they leave it", async ({ page }) => {
  const { slug, id, member } = await organizationWithMember(page, "Group Works", "grouped");
  const { email: helperEmail, api: helper } = member;

  await page.goto(`/orgs/${slug}/groups`);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByText("Enter a group name.")).toBeVisible();
  await page.getByLabel("Group name").fill("Inviters");
  await page.getByRole("checkbox", { name: /^admin/ }).check();
  await page.getByRole("button", { name: "Create group" }).click();
  await page.getByRole("link", { name: "Inviters" }).click();
  await expect(page.getByRole("heading", { name: "Inviters" })).toBeVisible();

  await page.getByLabel("Member's email address").fill(uniqueEmail("stranger"));
  await page.getByRole("button", { name: "Add to group" }).click();
  await expect(page.getByText("No member of the organization has this account.")).toBeVisible();
  await page.getByLabel("Member's email address").fill(helperEmail);
  await page.getByRole("button", { name: "Add to group" }).click();
  await expect(page.getByRole("cell", { name: helperEmail, exact: true })).toBeVisible();
  expect((await helper.get(`/api/v1/organizations/${id}/invitations`)).status()).toBe(200);

  await page.getByRole("button", { name: `Remove ${helperEmail} from the group` }).click();
  await expect(page.getByRole("cell", { name: helperEmail, exact: true })).toHaveCount(0);
  expect((await helper.get(`/api/v1/organizations/${id}/invitations`)).status()).toBe(403);
  await helper.dispose();
});

test("an owner sets a member's organization attributes on the member's page, a bad value refused beside its input", async ({ page }) => {
  const { slug, id, member } = await organizationWithMember(page, "Attribute Works", "attributed");
  await member.api.dispose();
  const defined = await page.request.post(`/api/v1/organizations/${id}/attributes`, {
    data: { key: "desk", label: "Desk number", type: "number" },
  });
  expect(defined.status(), await defined.text()).toBe(201);

  await page.goto(`/orgs/${slug}/members/${member.id}`);
  const desk = page.getByLabel("Desk number", { exact: true });
  // Beyond the integers a number keeps exactly: refused by the attribute's schema, beside its input.
  await desk.fill("9007199254740993");
  await page.getByRole("button", { name: "Save attributes" }).click();
  await expect(desk).toHaveAttribute("aria-invalid", "true");
  await desk.fill("12");
  await page.getByRole("button", { name: "Save attributes" }).click();
  await expect(page.getByText("Attributes saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Desk number", { exact: true })).toHaveValue("12");
});

test("settings rename an organization and delete it only once its name is typed", async ({ page }) => {
  await signInAsNewOwner(page);
  const slug = await createOrganizationInUi(page, "Short Lived");
  const newSlug = uniqueSlug("renamed");
  await page.goto(`/orgs/${slug}/settings`);
  await page.getByLabel("Name", { exact: true }).fill("Renamed Co");
  await page.getByLabel(/^Address/).fill(newSlug);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${newSlug}/settings$`));
  await expect(page.getByRole("heading", { name: "Renamed Co" })).toBeVisible();

  await page.getByLabel("Type Renamed Co to confirm").fill("Renamed");
  await page.getByRole("button", { name: "Delete organization" }).click();
  await expect(page.getByText("Type Renamed Co to confirm.")).toBeVisible();
  await page.getByLabel("Type Renamed Co to confirm").fill("Renamed Co");
  await page.getByRole("button", { name: "Delete organization" }).click();
  await expect(page).toHaveURL(/\/orgs$/);
  await page.goto(`/orgs/${newSlug}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
