import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scimUrn } from "@/lib/scim/schema-urns";
import { enterpriseSchema, entraCreateUser, entraPatchUser } from "@/tests/fixtures/scim-entra-id-profile";
import { organizationWithScimToken } from "@/tests/support/scim";

const suffix = () => randomUUID().slice(0, 8);
/** The verified domain as a person might type it: case must not matter for the domain check, and must survive in the answer. */
const capitalized = (domain: string) => domain[0]!.toUpperCase() + domain.slice(1);
const patch = (Operations: unknown[]) => ({ schemas: [scimUrn.patchOp], Operations });
const without = (body: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));

async function provisioned() {
  const directory = await organizationWithScimToken();
  const body = entraCreateUser(capitalized(directory.domain), suffix());
  const created = await directory.scim("POST", "/scim/v2/Users", body);
  expect(created.status).toBe(201);
  return { ...directory, body, id: String(created.body.id), created };
}

describe("a SCIM user's profile and enterprise attributes", () => {
  it("come back from POST and GET as Entra ID sent them, emails' case included", async () => {
    const { scim, body, id, created } = await provisioned();
    // Microsoft's request carries roles (not kept) and meta (the server's own).
    const sent = without(body, "roles", "meta");
    for (const answer of [created, await scim("GET", `/scim/v2/Users/${id}`)]) {
      expect(answer.body).toMatchObject({ ...sent, schemas: [scimUrn.user, enterpriseSchema] });
      expect(answer.body.emails).toEqual(body.emails);
    }
    // The account's address stays lower-case for uniqueness, and filters find it whatever the case.
    const account = await db().user.findUniqueOrThrow({ where: { id } });
    expect(account.email).toBe(body.emails[0]!.value.toLowerCase());
    const found = await scim(
      "GET",
      `/scim/v2/Users?filter=${encodeURIComponent(`emails.value eq "${body.emails[0]!.value.toUpperCase()}"`)}`,
    );
    expect(found.body.totalResults).toBe(1);
  });

  it("fill the account's profile the directory owns, and the member's enterprise attributes", async () => {
    const { organization, id } = await provisioned();
    const account = await db().user.findUniqueOrThrow({ where: { id } });
    expect(account).toMatchObject({
      name: "Jamie Young",
      givenName: "Jamie",
      familyName: "Young",
      middleName: "Jane",
      nickname: "Jay",
      title: "Tour Guide",
      preferredLanguage: "en-US",
      locale: "en-US",
      timeZone: "America/Los_Angeles",
    });
    expect(account.phoneNumbers).toEqual([
      { value: "+1 555 555 5555", type: "work", primary: true },
      { value: "+1 555 555 4444", type: "mobile", primary: false },
      { value: "+1 555 555 3333", type: "fax", primary: false },
    ]);
    const enterprise = await db().memberProfile.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: organization.id, userId: id } },
    });
    expect(enterprise).toMatchObject({ employeeNumber: "701984", department: "Tour Operations", managerId: null });
  });

  it("change through Entra ID's PATCH paths, enterprise URN paths and a bare manager id included", async () => {
    const { scim, address, id, domain } = await provisioned();
    const manager = await scim("POST", "/scim/v2/Users", entraCreateUser(domain, suffix()));
    expect(manager.status, address()).toBe(201);
    const answer = await scim("PATCH", `/scim/v2/Users/${id}`, entraPatchUser(String(manager.body.id)));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      title: "Head Guide",
      name: { middleName: "J.", givenName: "Jamie" },
      phoneNumbers: [{ type: "work" }, { type: "mobile", value: "+1 555 555 0000" }, { type: "fax" }],
      [enterpriseSchema]: { department: "Guest Services", employeeNumber: "701985", manager: { value: manager.body.id } },
    });
    const removed = await scim("PATCH", `/scim/v2/Users/${id}`, patch([{ op: "Remove", path: `${enterpriseSchema}:manager` }]));
    expect((removed.body[enterpriseSchema] as Record<string, unknown>).manager).toBeUndefined();
    expect((await db().user.findUniqueOrThrow({ where: { id } })).title).toBe("Head Guide");
  });

  it("survive a deactivation, which ends the membership, and are there again on reactivation", async () => {
    const { scim, organization, id } = await provisioned();
    const off = await scim("PATCH", `/scim/v2/Users/${id}`, patch([{ op: "Replace", path: "active", value: "False" }]));
    expect(off.body).toMatchObject({ active: false, [enterpriseSchema]: { department: "Tour Operations" } });
    expect(await db().membership.count({ where: { organizationId: organization.id, userId: id } })).toBe(0);
    const on = await scim("PATCH", `/scim/v2/Users/${id}`, patch([{ op: "Replace", path: "active", value: "True" }]));
    expect(on.body).toMatchObject({ active: true, [enterpriseSchema]: { employeeNumber: "701984", department: "Tour Operations" } });
  });

  it("are kept by a PUT without the extension, and replaced by one with it", async () => {
    const { scim, id, body } = await provisioned();
    const withoutExtension = without(body, enterpriseSchema);
    const kept = await scim("PUT", `/scim/v2/Users/${id}`, { ...withoutExtension, title: "Senior Guide" });
    expect(kept.body).toMatchObject({ title: "Senior Guide", [enterpriseSchema]: { department: "Tour Operations" } });
    const replaced = await scim("PUT", `/scim/v2/Users/${id}`, { ...withoutExtension, [enterpriseSchema]: { division: "Parks" } });
    expect(replaced.body[enterpriseSchema]).toEqual({ division: "Parks" });
  });

  it("are kept as sent when a regional setting is unknown, and left out of the account", async () => {
    const { scim, id, body } = await provisioned();
    const answer = await scim("PUT", `/scim/v2/Users/${id}`, { ...body, timezone: "Mars/Olympus_Mons", locale: "not a locale!" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ timezone: "Mars/Olympus_Mons", locale: "not a locale!" });
    expect(await db().user.findUniqueOrThrow({ where: { id } })).toMatchObject({ timeZone: null, locale: null });
  });
});

describe("one organization's directory and another's enterprise attributes", () => {
  it("cannot write a user of another organization, nor name one as manager", async () => {
    const a = await organizationWithScimToken();
    const b = await provisioned();
    const theirs = await a.scim(
      "PATCH",
      `/scim/v2/Users/${b.id}`,
      patch([{ op: "Replace", path: `${enterpriseSchema}:department`, value: "Stolen" }]),
    );
    expect(theirs.status).toBe(404);
    const mine = await a.scim("POST", "/scim/v2/Users", entraCreateUser(a.domain, suffix()));
    const manager = await a.scim(
      "PATCH",
      `/scim/v2/Users/${String(mine.body.id)}`,
      patch([{ op: "Add", path: `${enterpriseSchema}:manager`, value: b.id }]),
    );
    expect(manager.status).toBe(400);
    expect(manager.body).toMatchObject({ schemas: [scimUrn.error], status: "400" });
    const stored = await db().memberProfile.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: b.organization.id, userId: b.id } },
    });
    expect(stored.department).toBe("Tour Operations");
  });
});

describe("SCIM discovery of the profile", () => {
  it("lists the enterprise extension in /Schemas and on the User resource type", async () => {
    const { scim } = await organizationWithScimToken();
    const schemas = await scim("GET", "/scim/v2/Schemas");
    const user = schemas.body.Resources!.find((schema) => schema.id === scimUrn.user) as { attributes: { name: string }[] };
    expect(user.attributes.map((attribute) => attribute.name)).toEqual(
      expect.arrayContaining(["nickName", "title", "preferredLanguage", "locale", "timezone", "phoneNumbers", "addresses"]),
    );
    expect(schemas.body.Resources!.map((schema) => schema.id)).toContain(enterpriseSchema);
    const types = await scim("GET", "/scim/v2/ResourceTypes");
    const userType = types.body.Resources!.find((type) => type.id === "User");
    expect(userType?.schemaExtensions).toContainEqual({ schema: enterpriseSchema, required: false });
  });
});
