import { beforeAll, describe, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";

describe("the API's basics", () => {
  beforeAll(loadRoutes);

  it("answers liveness and readiness, whatever credentials a probe sends", async () => {
    const live = await api("GET", "/api/v1/health");
    expect(live.status).toBe(200);
    expect(live.headers.get("x-request-id")).toBeTruthy();
    const ready = await api("GET", "/api/v1/health/ready");
    expect(ready.body).toEqual({ status: "ready", checks: { database: "ok" } });
    // Probes never look at credentials: a proxy's (or anyone's) Authorization header changes nothing.
    for (const path of ["/api/v1/health", "/api/v1/health/ready", "/api/v1/openapi.json"]) {
      expect((await api("GET", path, { as: { bearer: "umt_not-a-token" } })).status, path).toBe(200);
    }
  });

  it("refuses GET /api/v1/users/me without a caller", async () => {
    const response = await api("GET", "/api/v1/users/me");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ status: 401, code: "unauthorized", requestId: expect.any(String) });
  });

  it("answers GET /api/v1/users/me for the session, without secrets", async () => {
    const { user } = await createUser({ role: "superadmin" });
    const response = await api("GET", "/api/v1/users/me", { as: { cookie: (await sessionCookie(user)).cookie } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: user.email, role: "superadmin", status: "active" });
    expect(response.text).not.toMatch(/password|hash/i);
  });

  it("answers an unknown API path with a problem document", async () => {
    const response = await api("GET", "/api/v1/no-such-thing");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body).toMatchObject({ status: 404, detail: "There is no endpoint at /api/v1/no-such-thing." });
  });
});
