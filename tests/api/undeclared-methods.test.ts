import { describe, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { routeEntries } from "@/tests/support/entry-points";

const everyMethod = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"];

describe("the API's routes answer every method themselves", () => {
  it("each route file exports all methods (HEAD too where there is no GET), so Next.js never answers an empty 405", async () => {
    const byFile = new Map<string, Set<string>>();
    for (const { file, method } of await routeEntries()) {
      if (file.startsWith("app/api/v1/") && !file.includes("[...path]")) byFile.set(file, (byFile.get(file) ?? new Set()).add(method));
    }
    expect(byFile.size).toBeGreaterThan(80);
    for (const [file, methods] of byFile) {
      const expected = methods.has("GET") && !methods.has("HEAD") ? everyMethod : [...everyMethod, "HEAD"];
      expect({ file, methods: [...methods].sort() }).toEqual({ file, methods: expected.sort() });
    }
  });

  it("answers an undeclared method 405 with Allow, and OPTIONS with exactly the declared methods", async () => {
    await loadRoutes();
    const refused = await api("PUT", "/api/v1/users/me/sessions");
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(refused.body).toMatchObject({ code: "method_not_allowed" });
    const options = await api("OPTIONS", "/api/v1/users/me/sessions");
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
