import { describe, expect, it } from "vitest";
import { unroutableApiAnswer } from "@/lib/http/unroutable-api-answer";
import { findDocumentedRoute } from "@/lib/openapi/documented-routes";

const request = (method: string, path: string) => new Request(`http://localhost:3000${path}`, { method });

describe("findDocumentedRoute", () => {
  it("prefers a fixed segment over a parameter, as Next.js routes", () => {
    expect(findDocumentedRoute("/api/v1/users/me")?.path).toBe("/api/v1/users/me");
    expect(findDocumentedRoute("/api/v1/users/export")?.path).toBe("/api/v1/users/export");
    expect(findDocumentedRoute("/api/v1/users/0190")?.path).toBe("/api/v1/users/{id}");
    expect(findDocumentedRoute("/api/v1/users/0190/disable")?.path).toBe("/api/v1/users/{id}/disable");
    expect(findDocumentedRoute("/api/v1/nothing-here")).toBeUndefined();
    expect(findDocumentedRoute("/api/v1/users//disable")).toBeUndefined();
  });
});

describe("unroutableApiAnswer", () => {
  it("lets declared methods, HEAD on GET routes and OPTIONS through", () => {
    for (const [method, path] of [
      ["GET", "/api/v1/users"],
      ["POST", "/api/v1/users"],
      ["HEAD", "/api/v1/users/me"],
      ["OPTIONS", "/api/v1/users/me"],
      ["PUT", "/api/v1/no-such-endpoint"],
    ]) {
      expect(unroutableApiAnswer(request(method!, path!), "req-1"), `${method} ${path}`).toBeUndefined();
    }
  });

  it("answers an undeclared method with 405 problem+json and Allow", async () => {
    const response = unroutableApiAnswer(request("PUT", "/api/v1/users/0190"), "req-1")!;
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("allow")).toBe("DELETE, GET, HEAD, OPTIONS, PATCH");
    expect(await response.json()).toMatchObject({ status: 405, code: "method_not_allowed", requestId: "req-1" });
    expect(unroutableApiAnswer(request("DELETE", "/api/v1/users/me/sessions"), "req-1")?.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("answers the OAuth endpoints' undeclared methods in OAuth JSON", async () => {
    for (const path of ["/api/v1/auth/token", "/api/v1/auth/revoke"]) {
      const response = unroutableApiAnswer(request("GET", path), "req-1")!;
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("OPTIONS, POST");
      expect(await response.json()).toMatchObject({ error: "invalid_request" });
    }
  });

  it("answers a malformed percent-escape in the path with 400 problem+json", async () => {
    const response = unroutableApiAnswer(request("GET", "/api/v1/users/%zz"), "req-1")!;
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(unroutableApiAnswer(request("GET", "/api/v1/users/%E2%82"), "req-1")?.status).toBe(400);
  });
});
