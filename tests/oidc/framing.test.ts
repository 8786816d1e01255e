import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import nextConfig from "@/next.config.js";
import { proxy } from "@/proxy";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { authorizationUrl, pkce, warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

const framingRefused = (headers: Headers) => ({
  xFrameOptions: headers.get("x-frame-options"),
  frameAncestors: /frame-ancestors 'none'/.test(headers.get("content-security-policy") ?? ""),
});

// Another site that frames a sign-in or consent step could trick a click out of the person (clickjacking).
describe("the identity provider's pages cannot be framed", () => {
  it("the pages our route handlers render: the device code form, a refused step, the provider's error page", async () => {
    const device = await api("GET", "/device");
    expect(device.headers.get("content-type")).toMatch(/^text\/html/);
    expect(framingRefused(device.headers)).toEqual({ xFrameOptions: "DENY", frameAncestors: true });
    // No script runs there, and no form-action: the sign-out form's answer leaves for the application's origin.
    expect(device.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(device.headers.get("content-security-policy")).not.toMatch(/form-action/);

    const { user } = await createUser();
    const step = await api("GET", "/interaction/no-such-sign-in", { as: { cookie: (await sessionCookie(user)).cookie } });
    expect(step.status).toBe(404);
    expect(framingRefused(step.headers)).toEqual({ xFrameOptions: "DENY", frameAncestors: true });

    const { application } = await createApplication();
    const url = authorizationUrl(application.clientId, {
      scope: "openid",
      challenge: pkce().challenge,
      redirectUri: "https://evil.example.test/",
    });
    const error = await api("GET", url);
    expect(error.status).toBe(400);
    expect(framingRefused(error.headers)).toEqual({ xFrameOptions: "DENY", frameAncestors: true });
  });

  it("the sign-in, consent, confirmation and notice pages: the page policy forbids framing, and so does every response's X-Frame-Options", async () => {
    for (const path of ["/sign-in", "/interaction/abc/consent", "/interaction/abc/confirm", "/interaction/abc/unavailable"]) {
      const response = proxy(new NextRequest(new URL(path, "http://localhost:3000")));
      expect({ path, frameAncestors: framingRefused(response.headers).frameAncestors }).toEqual({ path, frameAncestors: true });
    }
    const rules = await nextConfig.headers!();
    const everywhere = rules.find((rule) => rule.source === "/:path*")!;
    expect(everywhere.headers).toContainEqual({ key: "X-Frame-Options", value: "DENY" });
  });
});
