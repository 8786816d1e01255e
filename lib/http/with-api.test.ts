import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { withApi } from "@/lib/http/with-api";

const signedIn = vi.hoisted(() => ({ current: null as Actor | null }));
vi.mock("@/lib/session/auth", () => ({ getSessionActor: async () => signedIn.current }));
const bearers = vi.hoisted(() => new Map<string, Actor>());
vi.mock("@/lib/services/auth/find-bearer-actor", () => ({ findBearerActor: async (token: string) => bearers.get(token) ?? null }));

const alice: Actor = sessionActor({ id: "u1", email: "alice@example.test", role: "user" }, "s1");
const route = { params: Promise.resolve({}) };
const readOnly: Actor = { ...alice, via: "api_token", sessionId: null, apiTokenId: "t1", scopes: ["read"] };
bearers.set("umt_readonly", readOnly);

const echo = withApi(async ({ body, actor }) => Response.json({ body, actor: actor.email }), {
  action: "me.update",
  body: z.strictObject({ name: z.string().min(1, "Enter a name.") }),
});

// The browser's session cookie; what it resolves to is mocked above.
const sessionCookie = { cookie: "authjs.session-token=test" };

function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://localhost:3000/api/v1/echo", { method: "POST", body, headers: { ...sessionCookie, ...headers } });
}

// Counts lookups of credentials, to show which endpoints never make one.
const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/http/api-caller", async (original) => {
  const actual = await original<typeof import("@/lib/http/api-caller")>();
  return { ...actual, resolveCaller: (request: Request) => (lookups.count++, actual.resolveCaller(request)) };
});

describe("withApi", () => {
  beforeEach(() => {
    signedIn.current = alice;
  });

  it("passes the parsed body and the caller to the handler and tags the response", async () => {
    const response = await echo(post('{"name":"Bob"}'), route);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ body: { name: "Bob" }, actor: alice.email });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("lets no cache keep an answer, an error included", async () => {
    expect((await echo(post('{"name":"Bob"}'), route)).headers.get("cache-control")).toBe("no-store");
    expect((await echo(post("{}"), route)).headers.get("cache-control")).toBe("no-store");
  });

  it("keeps a well-formed request id from upstream", async () => {
    const response = await echo(post('{"name":"Bob"}', { "content-type": "application/json", "x-request-id": "edge-42" }), route);
    expect(response.headers.get("x-request-id")).toBe("edge-42");
  });

  it("answers 401 with a Bearer challenge when nobody is signed in", async () => {
    signedIn.current = null;
    const response = await echo(post('{"name":"Bob"}'), route);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it.each([
    ["malformed JSON", post("{name:"), 400],
    ["a wrong content type", post("name=Bob", { "content-type": "application/x-www-form-urlencoded" }), 415],
    ["a missing field", post("{}"), 422],
    ["an unknown field", post('{"name":"Bob","admin":true}'), 422],
    ["a wrong type", post('{"name":42}'), 422],
    ["an oversize body", post(JSON.stringify({ name: "x".repeat(1_100_000) })), 413],
  ])("answers %s with a problem document", async (_label, request, status) => {
    const response = await echo(request, route);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status, requestId: expect.any(String) });
  });

  it("gives a DELETE without a body undefined, so a confirmation body can be optional, and still reads one that is sent", async () => {
    const remove = withApi(async ({ body }) => Response.json({ body: body ?? null }), {
      action: "me.tokens.revoke",
      body: z.strictObject({ password: z.string() }).optional(),
    });
    const request = (init: RequestInit = {}) =>
      new Request("http://localhost:3000/api/v1/echo", { method: "DELETE", ...init, headers: { ...sessionCookie, ...init.headers } });
    expect(await (await remove(request(), route)).json()).toEqual({ body: null });
    const confirmed = request({ body: '{"password":"x"}', headers: { "content-type": "application/json" } });
    expect(await (await remove(confirmed, route)).json()).toEqual({ body: { password: "x" } });
    // A body that is sent must still be JSON: only its absence is forgiven.
    expect((await remove(request({ body: "password=x" }), route)).status).toBe(415);
    // A POST without a body is still refused as before.
    expect((await echo(new Request("http://localhost:3000/api/v1/echo", { method: "POST", headers: sessionCookie }), route)).status).toBe(
      415,
    );
  });

  it("names the failing field in validation errors", async () => {
    const response = await echo(post('{"name":""}'), route);
    expect((await response.json()).errors).toEqual([{ field: "name", message: "Enter a name." }]);
  });

  it("refuses unsafe requests that a browser marks as cross-site", async () => {
    const crossSite = post('{"name":"Bob"}', { "content-type": "application/json", "sec-fetch-site": "cross-site" });
    expect((await echo(crossSite, route)).status).toBe(403);
    const foreignOrigin = post('{"name":"Bob"}', { "content-type": "application/json", origin: "https://evil.example" });
    expect((await echo(foreignOrigin, route)).status).toBe(403);
    const sameOrigin = post('{"name":"Bob"}', { "content-type": "application/json", origin: "http://localhost:3000" });
    expect((await echo(sameOrigin, route)).status).toBe(200);
  });

  it("turns an unexpected failure into a 500 without details", async () => {
    const broken = withApi(
      async () => {
        throw new Error("secret internals");
      },
      { action: "me.read" },
    );
    const response = await broken(new Request("http://localhost:3000/api/v1/broken", { headers: sessionCookie }), route);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret internals");
  });

  describe("with a bearer token", () => {
    const whoami = withApi(async ({ actor }) => Response.json({ via: actor.via }), { action: "me.read" });
    const revoke = withApi(async () => new Response(null, { status: 204 }), { action: "me.tokens.revoke" });
    const call = (method: string, authorization: string) =>
      (method === "GET" ? whoami : revoke)(
        new Request("http://localhost:3000/api/v1/whoami", { method, headers: { authorization } }),
        route,
      );

    it("uses the token and ignores the browser session", async () => {
      const response = await call("GET", "Bearer umt_readonly");
      expect(await response.json()).toEqual({ via: "api_token" });
    });

    it("answers an unknown token with 401 invalid_token, even with a browser session", async () => {
      const response = await call("GET", "Bearer umt_unknown");
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="api", error="invalid_token"/);
    });

    it("treats another scheme as no credentials, not as the session", async () => {
      const response = await call("GET", "Basic dXNlcjpwYXNz");
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
    });

    it("answers 403 insufficient_scope when the action changes something and the token may only read", async () => {
      const response = await call("DELETE", "Bearer umt_readonly");
      expect(response.status).toBe(403);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api", error="insufficient_scope", scope="write"');
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    });

    it("takes the scope from the action, not the method: signing oneself out is a read", async () => {
      const signOut = withApi(async () => new Response(null, { status: 204 }), { action: "me.sign-out" });
      const request = new Request("http://localhost:3000/api/v1/auth/logout", {
        method: "POST",
        headers: { authorization: "Bearer umt_readonly" },
      });
      expect((await signOut(request, route)).status).toBe(204);
    });
  });

  it("refuses a caller who must still set up a second factor, except where enrolment needs it", async () => {
    signedIn.current = { ...alice, mustEnrollSecondFactor: true };
    const refused = await echo(post('{"name":"Bob"}'), route);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "mfa_enrollment_required" });
    const enrolment = withApi(async ({ actor }) => Response.json({ actor: actor.email }), { action: "me.read" });
    expect((await enrolment(new Request("http://localhost:3000/api/v1/enrol", { headers: sessionCookie }), route)).status).toBe(200);
  });

  it("never resolves credentials for an anonymous endpoint: a probe answers 200 whatever the Authorization header says", async () => {
    const probe = withApi(async ({ actor }) => Response.json({ actor }), { action: "health.live" });
    lookups.count = 0;
    const response = await probe(
      new Request("http://localhost:3000/api/v1/health", { headers: { authorization: "Bearer umt_forged" } }),
      route,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ actor: null });
    expect(lookups.count).toBe(0);
    // An ordinary public endpoint does look, and refuses the forged token.
    const open = withApi(async () => Response.json({}), { action: "auth.sign-up" });
    expect(
      (await open(new Request("http://localhost:3000/api/v1/x", { headers: { authorization: "Bearer umt_forged" } }), route)).status,
    ).toBe(401);
    expect(lookups.count).toBe(1);
  });
});
