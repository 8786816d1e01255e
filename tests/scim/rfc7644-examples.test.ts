import { describe, expect, it } from "vitest";
import { scimUrn } from "@/lib/scim/schema-urns";
import { organizationWithScimToken } from "@/tests/support/scim";

/** RFC 7644 §3.3's example user, with an email: accounts here are found by address. */
const barbara = (email: string) => ({
  schemas: [scimUrn.user],
  userName: email,
  externalId: `bjensen-${email}`,
  name: { formatted: "Ms. Barbara J Jensen III", familyName: "Jensen", givenName: "Barbara" },
  emails: [{ value: email, type: "work", primary: true }],
});

describe("RFC 7644 §3.3 creating resources", () => {
  it("answers 201 with the resource, its Location and its ETag", async () => {
    const { scim, address } = await organizationWithScimToken();
    const email = address("bjensen");
    const created = await scim("POST", "/scim/v2/Users", barbara(email));
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/scim+json");
    expect(created.body).toMatchObject({
      schemas: [scimUrn.user],
      userName: email,
      externalId: `bjensen-${email}`,
      name: { familyName: "Jensen", givenName: "Barbara" },
      meta: { resourceType: "User" },
    });
    const meta = created.body.meta as { location: string; version: string; created: string; lastModified: string };
    expect(created.headers.get("location")).toBe(meta.location);
    expect(meta.location).toMatch(new RegExp(`/scim/v2/Users/${created.body.id}$`));
    expect(created.headers.get("etag")).toBe(meta.version);
  });

  it("answers 409 uniqueness for a userName already provisioned", async () => {
    const { scim, address } = await organizationWithScimToken();
    const email = address();
    await scim("POST", "/scim/v2/Users", barbara(email));
    const again = await scim("POST", "/scim/v2/Users", { ...barbara(address()), userName: email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ schemas: [scimUrn.error], status: "409", scimType: "uniqueness" });
  });

  it("answers 400 invalidValue for the RFC's example as printed, which names no email address", async () => {
    const { scim } = await organizationWithScimToken();
    const answer = await scim("POST", "/scim/v2/Users", { ...barbara("unused@example.test"), emails: undefined, userName: "bjensen" });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: "400", scimType: "invalidValue" });
  });
});

describe("RFC 7644 §3.4 retrieving resources", () => {
  it("§3.4.1: GET by id answers the resource with its ETag; an unknown id answers a SCIM 404", async () => {
    const { scim, address } = await organizationWithScimToken();
    const created = await scim("POST", "/scim/v2/Users", barbara(address()));
    const read = await scim("GET", `/scim/v2/Users/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get("etag")).toBe(created.headers.get("etag"));
    for (const id of ["2819c223-7f76-453a-919d-413861904646", "not-a-uuid"]) {
      const missing = await scim("GET", `/scim/v2/Users/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ schemas: [scimUrn.error], status: "404" });
    }
  });

  it("§3.14: GET with If-None-Match naming the current version answers 304, and the resource once it changed", async () => {
    const { scim, address } = await organizationWithScimToken();
    const created = await scim("POST", "/scim/v2/Users", barbara(address()));
    const etag = created.headers.get("etag")!;
    const unchanged = await scim("GET", `/scim/v2/Users/${created.body.id}`, undefined, { "if-none-match": etag });
    expect({ status: unchanged.status, etag: unchanged.headers.get("etag") }).toEqual({ status: 304, etag });
    expect((await scim("GET", `/scim/v2/Users/${created.body.id}`, undefined, { "if-none-match": "*" })).status).toBe(304);
    await scim("PATCH", `/scim/v2/Users/${created.body.id}`, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "replace", path: "displayName", value: "Changed" }],
    });
    const changed = await scim("GET", `/scim/v2/Users/${created.body.id}`, undefined, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("§3.4.2: filters, pages with totalResults and itemsPerPage, and cuts attributes", async () => {
    const { scim, address } = await organizationWithScimToken();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push(String((await scim("POST", "/scim/v2/Users", barbara(address(`page${index}`)))).body.id));
    }
    const page = await scim("GET", "/scim/v2/Users?startIndex=2&count=2");
    expect(page.body).toMatchObject({ schemas: [scimUrn.listResponse], totalResults: 5, startIndex: 2, itemsPerPage: 2 });
    expect(page.body.Resources!.map((user) => user.id)).toEqual(ids.slice(1, 3));
    const countOnly = await scim("GET", "/scim/v2/Users?count=0");
    expect(countOnly.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    const beyond = await scim("GET", "/scim/v2/Users?startIndex=50");
    expect(beyond.body).toMatchObject({ totalResults: 5, Resources: [] });
    const cut = await scim(
      "GET",
      `/scim/v2/Users?attributes=userName,name.givenName&filter=${encodeURIComponent('emails.value sw "page3"')}`,
    );
    expect(cut.body.Resources).toEqual([
      { schemas: [scimUrn.user], id: ids[3], userName: expect.stringMatching(/^page3/), name: { givenName: "Barbara" } },
    ]);
    const excluded = await scim("GET", `/scim/v2/Users/${ids[0]}?excludedAttributes=emails,meta,name.familyName`);
    expect(excluded.body).not.toHaveProperty("emails");
    expect(excluded.body).not.toHaveProperty("meta");
    // name.formatted comes back as the client sent it (RFC 7643 §4.1.1), not made from the parts.
    expect(excluded.body.name).toEqual({ formatted: "Ms. Barbara J Jensen III", givenName: "Barbara" });
  });

  it("§3.4.3: POST .search takes the list's query in a SearchRequest body, for users and groups", async () => {
    const { scim, address } = await organizationWithScimToken();
    const email = address("searched");
    await scim("POST", "/scim/v2/Users", barbara(email));
    await scim("POST", "/scim/v2/Users", barbara(address("other")));
    const found = await scim("POST", "/scim/v2/Users/.search", {
      schemas: [scimUrn.searchRequest],
      attributes: ["userName"],
      filter: `userName eq "${email}"`,
      startIndex: 1,
      count: 10,
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ schemas: [scimUrn.listResponse], totalResults: 1 });
    expect(found.body.Resources).toEqual([{ schemas: [scimUrn.user], id: expect.any(String), userName: email }]);
    const groups = await scim("POST", "/scim/v2/Groups/.search", { schemas: [scimUrn.searchRequest], count: 0 });
    expect(groups.body).toMatchObject({ schemas: [scimUrn.listResponse], itemsPerPage: 0 });

    const refusals = [
      ["no SearchRequest schema", { filter: "userName pr" }, "invalidSyntax"],
      ["a filter that does not parse", { schemas: [scimUrn.searchRequest], filter: 'userName eq "open' }, "invalidFilter"],
      ["a count that is an object", { schemas: [scimUrn.searchRequest], count: { many: true } }, "invalidValue"],
    ] as const;
    for (const [what, body, scimType] of refusals) {
      const answer = await scim("POST", "/scim/v2/Users/.search", body);
      expect({ what, status: answer.status, scimType: answer.body.scimType }).toEqual({ what, status: 400, scimType });
    }
    // POST on a user is not a search: users are replaced with PUT or changed with PATCH.
    expect((await scim("POST", `/scim/v2/Users/${String(found.body.Resources![0]!.id)}`, {})).status).toBe(405);
  });

  it("§3.4.2.2: answers 400 invalidFilter for a filter it cannot parse or an attribute it does not know", async () => {
    const { scim } = await organizationWithScimToken();
    for (const filter of ['userName eq "unclosed', 'password eq "x"', "userName eq 12", 'active co "t"']) {
      const answer = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent(filter)}`);
      expect({ filter, status: answer.status, scimType: answer.body.scimType }).toEqual({ filter, status: 400, scimType: "invalidFilter" });
    }
  });
});

describe("RFC 7644 §3.5 modifying resources", () => {
  it("§3.5.1: PUT replaces the attributes and changes the ETag; a stale If-Match is 412", async () => {
    const { scim, address } = await organizationWithScimToken();
    const email = address();
    const created = await scim("POST", "/scim/v2/Users", barbara(email));
    const replaced = await scim(
      "PUT",
      `/scim/v2/Users/${created.body.id}`,
      { ...barbara(email), name: { givenName: "Babs", familyName: "Jensen" }, externalId: undefined },
      { "if-match": created.headers.get("etag")! },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.name).toEqual({ formatted: "Babs Jensen", givenName: "Babs", familyName: "Jensen" });
    expect(replaced.body).not.toHaveProperty("externalId");
    expect(replaced.headers.get("etag")).not.toBe(created.headers.get("etag"));
    const stale = await scim("PUT", `/scim/v2/Users/${created.body.id}`, barbara(email), { "if-match": created.headers.get("etag")! });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ schemas: [scimUrn.error], status: "412" });
  });

  it("§3.5.2: PATCH adds, replaces and removes; a malformed PATCH is 400", async () => {
    const { scim, address } = await organizationWithScimToken();
    const created = await scim("POST", "/scim/v2/Users", barbara(address()));
    const url = `/scim/v2/Users/${created.body.id}`;
    const patched = await scim("PATCH", url, {
      schemas: [scimUrn.patchOp],
      Operations: [
        { op: "add", path: "displayName", value: "Babs" },
        { op: "replace", path: "name.givenName", value: "Barb" },
        { op: "remove", path: "externalId" },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ displayName: "Babs", name: { givenName: "Barb", familyName: "Jensen" } });
    expect(patched.body).not.toHaveProperty("externalId");
    const noPath = await scim("PATCH", url, { schemas: [scimUrn.patchOp], Operations: [{ op: "remove" }] });
    expect(noPath.body).toMatchObject({ status: "400", scimType: "noTarget" });
    const badOp = await scim("PATCH", url, { schemas: [scimUrn.patchOp], Operations: [{ op: "copy", path: "userName" }] });
    expect(badOp.status).toBe(400);
    const removeUserName = await scim("PATCH", url, { schemas: [scimUrn.patchOp], Operations: [{ op: "remove", path: "userName" }] });
    expect(removeUserName.status).toBe(400);
    const notJson = await scim("PATCH", url, "{not json");
    expect(notJson.body).toMatchObject({ schemas: [scimUrn.error], status: "400" });
  });

  it("§3.5.2: group members are added, removed by filter and replaced", async () => {
    const { scim, address } = await organizationWithScimToken();
    const a = String((await scim("POST", "/scim/v2/Users", barbara(address()))).body.id);
    const b = String((await scim("POST", "/scim/v2/Users", barbara(address()))).body.id);
    const group = await scim("POST", "/scim/v2/Groups", { schemas: [scimUrn.group], displayName: "Tour Guides", members: [{ value: a }] });
    expect(group.status).toBe(201);
    const url = `/scim/v2/Groups/${group.body.id}`;
    const added = await scim("PATCH", url, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "add", path: "members", value: [{ value: b }] }],
    });
    expect((added.body.members as { value: string }[]).map((member) => member.value).sort()).toEqual([a, b].sort());
    const removed = await scim("PATCH", url, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "remove", path: `members[value eq "${a}"]` }],
    });
    expect(removed.body.members).toEqual([expect.objectContaining({ value: b })]);
    const replaced = await scim("PATCH", url, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "replace", path: "members", value: [{ value: a }] }],
    });
    expect(replaced.body.members).toEqual([expect.objectContaining({ value: a })]);
    const unknown = await scim("PATCH", url, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "add", path: "members", value: [{ value: "nobody" }] }],
    });
    expect(unknown.body).toMatchObject({ status: "400", scimType: "invalidValue" });
  });
});

describe("RFC 7644 §3.6 deleting resources", () => {
  it("answers 204, then 404 for the deleted resource and for a second DELETE", async () => {
    const { scim, address } = await organizationWithScimToken();
    const created = await scim("POST", "/scim/v2/Users", barbara(address()));
    expect((await scim("DELETE", `/scim/v2/Users/${created.body.id}`)).status).toBe(204);
    expect((await scim("GET", `/scim/v2/Users/${created.body.id}`)).status).toBe(404);
    expect((await scim("DELETE", `/scim/v2/Users/${created.body.id}`)).status).toBe(404);
  });
});
