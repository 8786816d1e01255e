import { describe, expect, it } from "vitest";
import { readSwaggerUiAsset } from "@/lib/openapi/swagger-ui-assets";

describe("readSwaggerUiAsset", () => {
  it("serves the reference page's files", async () => {
    const bundle = await readSwaggerUiAsset("swagger-ui-bundle.js");
    expect(bundle?.contentType).toMatch(/^text\/javascript/);
    expect(bundle?.body.length).toBeGreaterThan(1000);
    expect((await readSwaggerUiAsset("swagger-ui-init.js"))?.body.toString()).toContain("SwaggerUIBundle(");
  });

  // These names exist on every plain object; a lookup that fell through to them answered 500.
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "missing.js"])("knows no asset named %s", async (name) => {
    expect(await readSwaggerUiAsset(name)).toBeNull();
  });
});
