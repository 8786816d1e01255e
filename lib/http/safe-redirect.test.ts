import { describe, expect, it, vi } from "vitest";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

// How a browser reads a Location header: relative to the page, the WHATWG URL way.
const browserTarget = (location: string) => new URL(location, "http://localhost:3000/sign-in");

describe("safeRedirectPath", () => {
  it.each([
    ["/admin", "/admin"],
    ["/admin/users?q=ada&status=disabled", "/admin/users?q=ada&status=disabled"],
    ["/orgs/acme/members#invite", "/orgs/acme/members#invite"],
    ["/invitations/abc_DEF-123", "/invitations/abc_DEF-123"],
    ["/account/../admin", "/admin"],
  ])("keeps the in-app path %j", (candidate, expected) => {
    expect(safeRedirectPath(candidate)).toBe(expected);
  });

  it.each([
    "//evil.example/phish",
    "/\\evil.example/phish",
    "\\\\evil.example/phish",
    "/\t/evil.example/phish",
    "/\n/evil.example/phish",
    "/\r\n/evil.example/phish",
    "/\t\\evil.example/phish",
    "\t//evil.example",
    " //evil.example",
    "///evil.example/phish",
    "/\\/evil.example",
    "https://evil.example/phish",
    "http://localhost:3000.evil.example/",
    "http://localhost:3001/admin",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
  ])("refuses %j", (candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/admin");
  });

  it.each([undefined, null, 42, ["/admin"], { href: "/admin" }])("refuses a value that is not a string (%j)", (candidate) => {
    expect(safeRedirectPath(candidate, "/orgs")).toBe("/orgs");
  });

  it.each(["/%09/evil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "/%0a/evil.example", "/%E2%80%AE/x", "/a\u0000b", "/ü/ä"])(
    "answers %j with a path a browser keeps in the app",
    (candidate) => {
      const path = safeRedirectPath(candidate);
      expect(browserTarget(path).origin).toBe("http://localhost:3000");
      // Nothing a header could not carry.
      expect(path).toMatch(/^\/[\x21-\x7e]*$/);
    },
  );

  it("judges the origin by APP_URL", async () => {
    const { configOverrides, resetConfigOverrides } = await import("@/tests/support/config-overrides");
    configOverrides.APP_URL = "https://users.example.com";
    try {
      expect(safeRedirectPath("/admin")).toBe("/admin");
      expect(safeRedirectPath("//users.example.com/admin")).toBe("/admin");
      expect(safeRedirectPath("//evil.example/admin")).toBe("/admin");
      expect(safeRedirectPath("//users.example.com.evil.example/x")).toBe("/admin");
    } finally {
      resetConfigOverrides();
    }
  });
});
