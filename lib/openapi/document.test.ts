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
});
