import { expect, test } from "@playwright/test";
import { admin, signIn } from "./support";

test("liveness and readiness answer", async ({ request }) => {
  const live = await request.get("/api/v1/health");
  expect(live.status()).toBe(200);
  expect(live.headers()["x-request-id"]).toBeTruthy();
  const ready = await request.get("/api/v1/health/ready");
  expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok" } });
  // Probes never look at credentials: a proxy's (or anyone's) Authorization header changes nothing.
  for (const path of ["/api/v1/health", "/api/v1/health/ready", "/api/v1/openapi.json"]) {
    expect((await request.get(path, { headers: { authorization: "Bearer umt_not-a-token" } })).status(), path).toBe(200);
  }
});

test("GET /api/v1/users/me needs a caller", async ({ request }) => {
  const response = await request.get("/api/v1/users/me");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(await response.json()).toMatchObject({ status: 401, code: "unauthorized", requestId: expect.any(String) });
});

test("GET /api/v1/users/me answers for the session, without secrets", async ({ page }) => {
  await signIn(page);
  const response = await page.request.get("/api/v1/users/me");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ email: admin.email, role: "superadmin", status: "active" });
  expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
});

test("pages carry security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("an unknown API path answers with a problem document", async ({ request }) => {
  const response = await request.get("/api/v1/no-such-thing");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(await response.json()).toMatchObject({ status: 404, detail: "There is no endpoint at /api/v1/no-such-thing." });
});
