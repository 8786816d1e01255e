import { afterEach, describe, expect, it, vi } from "vitest";
import { createNonce, pageContentSecurityPolicy, setTransportSecurity } from "@/lib/http/security-headers";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `)) ?? "";

describe("security headers", () => {
  afterEach(resetConfigOverrides);

  it("send Strict-Transport-Security only when the public URL is https", () => {
    configOverrides.APP_URL = "https://users.example.test";
    const secure = new Headers();
    setTransportSecurity(secure);
    expect(secure.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");

    configOverrides.APP_URL = "http://localhost:3000";
    const plain = new Headers();
    setTransportSecurity(plain);
    expect(plain.has("strict-transport-security")).toBe(false);
  });

  it("let page scripts run only with the response's nonce, never inline ones", () => {
    configOverrides.NODE_ENV = "production";
    const nonce = createNonce();
    const scripts = directive(pageContentSecurityPolicy(nonce), "script-src");
    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(scripts).not.toMatch(/unsafe/);
  });

  it("make a new nonce each time, of 128 random bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
