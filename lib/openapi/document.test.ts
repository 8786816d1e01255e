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
});
