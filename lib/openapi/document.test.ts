import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

describe("openApiDocument", () => {
  it("describes routes with their schemas and shared problem answers", () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    const me = document.paths?.["/api/v1/users/me"]?.get;
    expect(me?.responses?.["401"]).toBeDefined();
    expect(document.components?.schemas?.User).toMatchObject({ type: "object" });
    expect(JSON.stringify(document.components?.schemas?.User)).not.toMatch(/password/i);
  });

  it("describes the token endpoint with its form body and OAuth error shape", () => {
    const token = openApiDocument().paths?.["/api/v1/auth/token"]?.post;
    expect(token?.requestBody).toMatchObject({ content: { "application/x-www-form-urlencoded": { schema: expect.anything() } } });
    expect(JSON.stringify(token?.responses?.["400"])).toContain("OAuthError");
    expect(token?.responses?.["429"]).toBeDefined();
  });

  it("describes every account route, and never a token's digest", () => {
    const paths = openApiDocument().paths ?? {};
    expect(paths["/api/v1/users/me/tokens"]?.post?.responses?.["201"]).toBeDefined();
    expect(paths["/api/v1/users/me/tokens/{id}"]?.delete).toBeDefined();
    expect(paths["/api/v1/users/me/sessions"]?.get).toBeDefined();
    expect(paths["/api/v1/users/me/sessions/{id}"]?.delete).toBeDefined();
    expect(paths["/api/v1/users/me/password"]?.patch).toBeDefined();
    expect(paths["/api/v1/auth/revoke"]?.post).toBeDefined();
    expect(paths["/api/v1/auth/logout"]?.post).toBeDefined();
    expect(JSON.stringify(openApiDocument().components?.schemas?.ApiToken)).not.toMatch(/hash/i);
  });

  it("lists 429 wherever a body carries a proof of the caller, which counts against the sign-in limits", () => {
    const paths = openApiDocument().paths ?? {};
    for (const path of ["/api/v1/users/me/tokens", "/api/v1/organizations/{id}/scim-tokens", "/api/v1/users/me/verify"]) {
      expect(Object.keys(paths[path]?.post?.responses ?? {}), path).toContain("429");
    }
  });

  it("lists the statuses every route can answer through its wrapper", () => {
    const paths = openApiDocument().paths ?? {};
    const statuses = (path: string, method: "get" | "post" | "patch" | "delete") => Object.keys(paths[path]?.[method]?.responses ?? {});
    expect(statuses("/api/v1/organizations/{id}/members", "get")).toEqual(expect.arrayContaining(["422", "405", "400", "404"]));
    expect(statuses("/api/v1/organizations/{id}/invitations", "get")).toContain("422");
    for (const path of ["/api/v1/users/me/password", "/api/v1/auth/email/verify", "/api/v1/auth/password/forgot"]) {
      const responses = Object.keys((paths[path]?.post ?? paths[path]?.patch)?.responses ?? {});
      expect(responses, path).toEqual(expect.arrayContaining(["400", "413", "415", "422"]));
    }
    expect(statuses("/api/v1/health", "get")).toEqual(expect.arrayContaining(["401", "405"]));
    expect(statuses("/api/v1/organizations/{id}", "patch")).toEqual(expect.arrayContaining(["412", "400"]));
    for (const item of Object.values(paths)) {
      for (const operation of [item?.get, item?.post, item?.patch, item?.delete]) {
        if (operation) expect(operation.responses?.["405"]).toBeDefined();
        // Next.js redirects a trailing slash before the route runs, on every path.
        if (operation) expect(JSON.stringify(operation.responses?.["308"])).toContain("Location");
      }
    }
    expect(JSON.stringify(paths["/api/v1/auth/token"]?.post?.responses?.["405"])).toContain("OAuthError");
  });
});
