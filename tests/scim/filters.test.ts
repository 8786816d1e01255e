import { beforeAll, describe, expect, it } from "vitest";
import { scimUrn } from "@/lib/scim/schema-urns";
import { organizationWithScimToken, type ScimAnswer } from "@/tests/support/scim";

type Client = (method: string, url: string, body?: unknown) => Promise<ScimAnswer>;
let scim: Client;
let address: (label: string) => string;
let domain = "";
const names: Record<string, string> = {};
let before = "";

/** Three users: Ada (with externalId and names, deactivated), Grace and Linus (no externalId). */
beforeAll(async () => {
  ({ scim, address, domain } = await organizationWithScimToken());
  before = new Date(Date.now() - 60_000).toISOString();
  for (const [label, extra] of [
    ["ada", { externalId: "ext-ada", name: { givenName: "Ada", familyName: "Lovelace" } }],
    ["grace", { name: { givenName: "Grace", familyName: "Hopper" } }],
    ["linus", { displayName: "Linus" }],
  ] as const) {
    const email = address(label);
    names[label] = email;
    const created = await scim("POST", "/scim/v2/Users", {
      schemas: [scimUrn.user],
      userName: email,
      emails: [{ value: email }],
      ...extra,
    });
    expect(created.status).toBe(201);
  }
  const ada = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent('externalId eq "ext-ada"')}`);
  await scim("PATCH", `/scim/v2/Users/${ada.body.Resources![0]!.id}`, {
    schemas: [scimUrn.patchOp],
    Operations: [{ op: "replace", value: { active: false } }],
  });
});

const matching = async (filter: string) => {
  const answer = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent(filter)}`);
  expect(answer.status, `${filter}: ${answer.body.detail}`).toBe(200);
  return answer.body.Resources!.map((user) => String(user.userName).split("-")[0]).sort();
};

describe("user filters against the database", () => {
  it.each([
    ['userName eq "{ada}"', ["ada"]],
    ['userName eq "{ADA}"', ["ada"]],
    ['userName ne "{ada}"', ["grace", "linus"]],
    ['userName sw "grace-"', ["grace"]],
    ['userName ew "@{DOMAIN}"', ["ada", "grace", "linus"]],
    ['emails.value co "linus"', ["linus"]],
    ['emails co "linus"', ["linus"]],
    ['emails[type eq "work" and value sw "grace"]', ["grace"]],
    ['emails[type eq "home"]', []],
    // As Microsoft's provisioning tutorial and compliance page send them.
    ['emails[type eq "work"].value eq "{grace}"', ["grace"]],
    ["externalId eq ext-ada", ["ada"]],
    ["userName sw grace-", ["grace"]],
    ['externalId eq "ext-ada"', ["ada"]],
    ['externalId eq "EXT-ADA"', []],
    ["externalId pr", ["ada"]],
    ["not (externalId pr)", ["grace", "linus"]],
    ["userName pr", ["ada", "grace", "linus"]],
    ['name.familyName eq "hopper"', ["grace"]],
    ['name.givenName sw "A" or displayName eq "Linus"', ["ada", "linus"]],
    ["active eq true", ["grace", "linus"]],
    ["active eq false", ["ada"]],
    ['active eq "False"', ["ada"]],
    ["active ne false", ["grace", "linus"]],
    ['meta.created gt "{before}"', ["ada", "grace", "linus"]],
    ['meta.lastModified lt "{before}"', []],
    ['(userName sw "ada-" or userName sw "linus-") and not (active eq false)', ["linus"]],
    ['id eq "not-a-uuid"', []],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "{grace}"', ["grace"]],
  ])("%s", async (template, expected) => {
    const filter = template.replace(/\{(\w+)\}/g, (_, key: string) =>
      key === "before" ? before : key === "ADA" ? names.ada!.toUpperCase() : key === "DOMAIN" ? domain.toUpperCase() : names[key]!,
    );
    expect(await matching(filter)).toEqual(expected);
  });

  it.each(['meta.created gt "yesterday"', 'active eq "maybe"', 'id co "a"', 'emails[value eq "a"', "name.middleName pr"])(
    "refuses %s with 400 invalidFilter",
    async (filter) => {
      const answer = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent(filter)}`);
      expect({ status: answer.status, scimType: answer.body.scimType }).toEqual({ status: 400, scimType: "invalidFilter" });
    },
  );

  it("answers 400 for paging parameters that are not integers", async () => {
    for (const query of ["startIndex=abc", "count=1.5"]) {
      expect((await scim("GET", `/scim/v2/Users?${query}`)).status).toBe(400);
    }
    expect((await scim("GET", "/scim/v2/Users?count=-3")).body).toMatchObject({ totalResults: 3, itemsPerPage: 0 });
    expect((await scim("GET", "/scim/v2/Users?startIndex=0&count=1")).body).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
  });
});

describe("sorting (RFC 7644 §3.4.2.3)", () => {
  const order = async (query: string) => {
    const answer = await scim("GET", `/scim/v2/Users?${query}`);
    expect(answer.status, String(answer.body.detail)).toBe(200);
    return answer.body.Resources!.map((user) => String(user.userName).split("-")[0]);
  };

  it("orders by the attribute asked for, either way, with unassigned values last", async () => {
    expect(await order("sortBy=userName")).toEqual(["ada", "grace", "linus"]);
    expect(await order("sortBy=userName&sortOrder=descending")).toEqual(["linus", "grace", "ada"]);
    expect(await order("sortBy=name.familyName")).toEqual(["grace", "ada", "linus"]);
    expect(await order("sortBy=urn:ietf:params:scim:schemas:core:2.0:User:name.familyName&sortOrder=Descending")).toEqual([
      "ada",
      "grace",
      "linus",
    ]);
    expect(await order("sortBy=externalId&count=1")).toEqual(["ada"]);
    const searched = await scim("POST", "/scim/v2/Users/.search", {
      schemas: [scimUrn.searchRequest],
      sortBy: "userName",
      sortOrder: "descending",
    });
    expect(searched.body.Resources!.map((user) => String(user.userName).split("-")[0])).toEqual(["linus", "grace", "ada"]);
  });

  it("orders groups by their displayName", async () => {
    for (const displayName of ["Zebra team", "Alpha team"]) {
      expect((await scim("POST", "/scim/v2/Groups", { schemas: [scimUrn.group], displayName })).status).toBe(201);
    }
    const names = async (query: string) =>
      (await scim("GET", `/scim/v2/Groups?${query}`)).body.Resources!.map((group) => group.displayName);
    expect(await names("sortBy=displayName")).toEqual(["Alpha team", "Zebra team"]);
    expect(await names("sortBy=displayName&sortOrder=descending")).toEqual(["Zebra team", "Alpha team"]);
  });

  it("refuses an attribute it cannot sort by and an order that is neither way, naming what it takes", async () => {
    for (const query of ["sortBy=password", "sortBy=userName&sortOrder=sideways", "sortBy=active&count=0"]) {
      const answer = await scim("GET", `/scim/v2/Users?${query}`);
      expect({ query, status: answer.status, scimType: answer.body.scimType }).toEqual({ query, status: 400, scimType: "invalidValue" });
    }
  });
});
