import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

describe("the attributes area of the API document", () => {
  it("describes both scopes' definitions, and attributes on users and in the users list", () => {
    const document = openApiDocument();
    const paths = document.paths ?? {};
    for (const prefix of ["/api/v1/attributes", "/api/v1/organizations/{id}/attributes"]) {
      expect(Object.keys(paths[prefix] ?? {}).sort(), prefix).toEqual(["get", "post"]);
      expect(Object.keys(paths[`${prefix}/{key}`] ?? {}).sort(), prefix).toEqual(["delete", "get", "patch"]);
      expect(paths[`${prefix}/{key}`]?.patch?.responses?.["409"], prefix).toBeDefined();
    }
    const schemas = document.components?.schemas ?? {};
    expect(JSON.stringify(schemas.User)).toContain('"attributes"');
    expect(paths["/api/v1/users"]?.get?.description).toContain("sort=attribute.<key>");
  });
});
