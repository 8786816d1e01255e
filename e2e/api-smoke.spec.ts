import { expect, test, type APIResponse } from "@playwright/test";

// What only the production server shows: the proxy's answers before any route handler
// runs, and headers set on the way out. The API's own behaviour is tested in process (tests/api/).

async function expectProblem(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect((JSON.parse(text) as { status: number }).status).toBe(status);
}

test("pages carry security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a malformed percent-escape in an API path answers 400 problem+json with the security headers", async ({ request }) => {
  for (const path of ["/api/v1/users/%zz", "/api/v1/organizations/%E2%82/members", "/api/v1/no-such%zz"]) {
    const response = await request.get(path);
    await expectProblem(response, 400);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
});

test("an undeclared method answers 405 with Allow on every route, in the route's error format", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const paths = Object.keys(document.paths as Record<string, unknown>);
  expect(paths.length).toBeGreaterThan(35);
  for (const template of paths) {
    const path = template.replaceAll(/\{\w+\}/g, "01900000-0000-7000-8000-000000000000");
    const response = await request.fetch(path, { method: "PUT", data: {} });
    expect(response.status(), path).toBe(405);
    expect(response.headers()["allow"], path).toMatch(/OPTIONS/);
    if (template === "/api/v1/auth/token" || template === "/api/v1/auth/revoke") {
      expect(await response.json()).toMatchObject({ error: "invalid_request" });
    } else {
      await expectProblem(response, 405);
    }
  }
});

test("OPTIONS names exactly the methods a route answers, and HEAD is answered where GET is", async ({ request }) => {
  const options = await request.fetch("/api/v1/users", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS, POST");
  expect((await request.fetch("/api/v1/auth/sign-up", { method: "OPTIONS" })).headers()["allow"]).toBe("OPTIONS, POST");

  expect((await request.fetch("/api/v1/health", { method: "HEAD" })).status()).toBe(200);
  const headWithoutGet = await request.fetch("/api/v1/auth/sign-up", { method: "HEAD" });
  expect(headWithoutGet.status()).toBe(405);
  expect(headWithoutGet.headers()["allow"]).toBe("OPTIONS, POST");
});
