import { describe, expect, it } from "vitest";
import { Oracle } from "@/e2e/fuzz/oracle";
import { operationsOf, type Document } from "@/e2e/fuzz/openapi";
import { openApiDocument } from "@/lib/openapi/document";

// The fuzzing suite (e2e/fuzz.spec.ts) passes only if its oracle can fail: these are the
// answers it must reject.
const document = JSON.parse(JSON.stringify(openApiDocument())) as Document;
const oracle = new Oracle(document, 2_000);
const operation = (method: string, path: string) => operationsOf(document).find((entry) => entry.method === method && entry.path === path)!;
const answer = (status: number, type: string, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { "content-type": type, ...headers },
  body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  ms: 5,
});
const problem = (status: number) => ({ type: "about:blank", title: "x", status, detail: "x", code: "x", requestId: "r" });

describe("the fuzzing oracle", () => {
  const me = operation("GET", "/api/v1/users/me");

  it("accepts documented answers in the right format", () => {
    expect(oracle.check(me, answer(401, "application/problem+json", problem(401)), false)).toEqual([]);
    expect(
      oracle.check(operation("POST", "/api/v1/auth/token"), answer(400, "application/json", { error: "invalid_grant" }), false),
    ).toEqual([]);
  });

  it("rejects server errors, undocumented statuses, wrong error formats, bodies off the schema and slowness", () => {
    expect(oracle.check(me, answer(500, "text/plain", "Internal Server Error"), false)).toContain("a server error (500)");
    expect(oracle.check(me, answer(418, "application/problem+json", problem(418)), false)).toContain("status 418 is not in the document");
    expect(oracle.check(me, answer(405, "", ""), false).join()).toMatch(/without Allow.*not a problem document/);
    expect(oracle.check(me, answer(200, "application/json", { id: "x" }), false).join()).toMatch(/does not match the document/);
    expect(oracle.check(me, answer(401, "application/problem+json", problem(401)), true).join()).toMatch(/slower than 2000 ms/);
    const token = operation("POST", "/api/v1/auth/token");
    expect(oracle.check(token, answer(400, "application/problem+json", problem(400)), false).join()).toMatch(/not an OAuth error/);
    const list = operation("GET", "/api/v1/users");
    expect(oracle.check(list, answer(422, "application/problem+json", problem(422)), false)).toContain("a 422 that names no field");
  });
});
