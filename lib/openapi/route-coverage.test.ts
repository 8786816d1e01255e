import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

const apiRoot = path.resolve("app/api/v1");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1 with the HTTP methods it exports, as "METHOD /path". */
function implementedRoutes(): string[] {
  // The catch-all ([...path]) answers 404 for paths that are not endpoints; it is not one itself.
  const files = readdirSync(apiRoot, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts" && !file.includes("[..."),
  );
  return files.flatMap((file) => {
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((segment) => segment !== ".");
    const apiPath = ["/api/v1", ...segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
    const source = readFileSync(path.join(apiRoot, file), "utf8");
    return methods
      .filter((method) => new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b|\\bas\\s+${method}\\b`).test(source))
      .map((method) => `${method} ${apiPath}`);
  });
}

describe("the OpenAPI document", () => {
  it("describes every route and method under app/api/v1", () => {
    const paths = openApiDocument().paths ?? {};
    const documented = Object.entries(paths).flatMap(([apiPath, item]) =>
      Object.keys(item ?? {})
        .filter((key) => methods.includes(key.toUpperCase() as (typeof methods)[number]))
        .map((method) => `${method.toUpperCase()} ${apiPath}`),
    );
    const routes = implementedRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !documented.includes(route))).toEqual([]);
  });
});
