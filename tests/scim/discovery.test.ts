import { describe, expect, it } from "vitest";
import { scimUrn } from "@/lib/scim/schema-urns";
import { api } from "@/tests/support/api";
import { organizationWithScimToken } from "@/tests/support/scim";

describe("RFC 7644 §3.7 bulk operations and §4 discovery", () => {
  it("says bulk is not supported, and describes itself, its resource types and schemas", async () => {
    const { scim } = await organizationWithScimToken();
    const config = await scim("GET", "/scim/v2/ServiceProviderConfig");
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
      etag: { supported: true },
      sort: { supported: true },
      changePassword: { supported: false },
    });
    const types = await scim("GET", "/scim/v2/ResourceTypes");
    expect(types.body.Resources!.map((type) => type.endpoint)).toEqual(["/Users", "/Groups"]);
    const schemas = await scim("GET", "/scim/v2/Schemas");
    expect(schemas.body.Resources!.map((schema) => schema.id)).toEqual([
      scimUrn.user,
      scimUrn.enterpriseUser,
      scimUrn.customUser,
      scimUrn.group,
    ]);
  });

  it("answers each schema and resource type at its meta.location, and every other path with a SCIM error, never HTML", async () => {
    const { token } = await organizationWithScimToken();
    const as = { bearer: token.token };
    const user = await api("GET", `/scim/v2/Schemas/${scimUrn.user}`, { as });
    expect(user.status).toBe(200);
    expect(user.headers.get("content-type")).toBe("application/scim+json");
    expect(user.body).toMatchObject({ id: scimUrn.user, meta: { location: `/scim/v2/Schemas/${scimUrn.user}` } });
    expect((await api("GET", "/scim/v2/ResourceTypes/Group", { as })).body).toMatchObject({ id: "Group", endpoint: "/Groups" });

    const scimError = (status: number) => ({ schemas: [scimUrn.error], status: String(status) });
    for (const path of [
      "/scim/v2/Schemas/urn:example:unknown",
      "/scim/v2/ResourceTypes/Printer",
      "/scim/v2/Printers",
      "/scim/v2/Users/x/y",
    ]) {
      const answer = await api("GET", path, { as });
      expect({ path, status: answer.status, type: answer.headers.get("content-type") }).toEqual({
        path,
        status: 404,
        type: "application/scim+json",
      });
      expect(answer.body).toMatchObject(scimError(404));
    }
    // Not offered, and said so in SCIM's words (ServiceProviderConfig says bulk is unsupported).
    expect((await api("GET", "/scim/v2/Me", { as })).body).toMatchObject(scimError(501));
    expect((await api("POST", "/scim/v2/Bulk", { as, body: {} })).body).toMatchObject(scimError(501));
    expect((await api("POST", "/scim/v2/.search", { as, body: { schemas: [scimUrn.searchRequest] } })).body).toMatchObject(scimError(501));
    // Without a token, the same paths are a SCIM 401, not a page.
    expect((await api("GET", "/scim/v2/Printers")).body).toMatchObject(scimError(401));
  });
});
