import { beforeAll, describe, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { sessionCookie } from "@/tests/support/callers";
import { createUser, uniqueEmail } from "@/tests/support/factories";
import type { Credentials } from "@/tests/support/route-call";

type BadRequest = { name: string; method: string; path: string; body?: unknown; headers?: Record<string, string>; status: number };

const id = "01900000-0000-7000-8000-000000000000";

function badRequestsFor(targetId: string): BadRequest[] {
  const json = { "content-type": "application/json" };
  return [
    { name: "list: limit too large", method: "GET", path: "/api/v1/users?limit=1000", status: 422 },
    { name: "list: limit not a number", method: "GET", path: "/api/v1/users?limit=ten", status: 422 },
    { name: "list: unknown sort", method: "GET", path: "/api/v1/users?sort=password", status: 422 },
    { name: "list: unknown parameter", method: "GET", path: "/api/v1/users?colour=blue", status: 422 },
    { name: "list: bad date", method: "GET", path: "/api/v1/users?createdFrom=yesterday", status: 422 },
    { name: "list: garbage cursor", method: "GET", path: "/api/v1/users?cursor=%%%%", status: 422 },
    { name: "list: oversize search", method: "GET", path: `/api/v1/users?q=${"x".repeat(500)}`, status: 422 },
    { name: "create: wrong types", method: "POST", path: "/api/v1/users", body: { email: 42, password: true }, status: 422 },
    {
      name: "create: unknown field",
      method: "POST",
      path: "/api/v1/users",
      body: { email: uniqueEmail(), invite: true, isAdmin: true },
      status: 422,
    },
    {
      name: "create: oversize name",
      method: "POST",
      path: "/api/v1/users",
      body: { email: uniqueEmail(), invite: true, name: "n".repeat(5000) },
      status: 422,
    },
    { name: "create: malformed JSON", method: "POST", path: "/api/v1/users", body: '{"email": ', headers: json, status: 400 },
    {
      name: "create: wrong content type",
      method: "POST",
      path: "/api/v1/users",
      body: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      status: 415,
    },
    {
      name: "create: too large",
      method: "POST",
      path: "/api/v1/users",
      body: JSON.stringify({ email: "x".repeat(1_100_000) }),
      headers: json,
      status: 413,
    },
    { name: "create: array body", method: "POST", path: "/api/v1/users", body: "[]", headers: json, status: 422 },
    { name: "get: not a uuid", method: "GET", path: "/api/v1/users/not-a-uuid", status: 404 },
    { name: "get: unknown id", method: "GET", path: `/api/v1/users/${id}`, status: 404 },
    { name: "patch: wrong type", method: "PATCH", path: `/api/v1/users/${targetId}`, body: { role: "owner" }, status: 422 },
    { name: "patch: unknown field", method: "PATCH", path: `/api/v1/users/${targetId}`, body: { email: "x@example.test" }, status: 422 },
    { name: "patch: malformed JSON", method: "PATCH", path: `/api/v1/users/${targetId}`, body: "{", headers: json, status: 400 },
    {
      name: "patch: malformed If-Match",
      method: "PATCH",
      path: `/api/v1/users/${targetId}`,
      body: { name: "x" },
      headers: { "if-match": "yesterday" },
      status: 400,
    },
    { name: "patch: null body", method: "PATCH", path: `/api/v1/users/${targetId}`, body: "null", headers: json, status: 422 },
    { name: "restore: not deleted", method: "POST", path: `/api/v1/users/${targetId}/restore`, status: 409 },
    { name: "purge: not deleted", method: "POST", path: `/api/v1/users/${targetId}/purge`, status: 409 },
    { name: "disable: unknown id", method: "POST", path: `/api/v1/users/${id}/disable`, status: 404 },
    { name: "me: unknown field", method: "PATCH", path: "/api/v1/users/me", body: { role: "superadmin" }, status: 422 },
    { name: "me: wrong type", method: "PATCH", path: "/api/v1/users/me", body: { name: 7 }, status: 422 },
    {
      name: "import: wrong content type",
      method: "POST",
      path: "/api/v1/users/import",
      body: "x",
      headers: { "content-type": "text/plain" },
      status: 415,
    },
    {
      name: "import: malformed CSV",
      method: "POST",
      path: "/api/v1/users/import",
      body: 'email,name\n"open,x\n',
      headers: { "content-type": "text/csv" },
      status: 400,
    },
    { name: "import: malformed JSON", method: "POST", path: "/api/v1/users/import", body: "[{", headers: json, status: 400 },
    { name: "import: not an array", method: "POST", path: "/api/v1/users/import", body: "{}", headers: json, status: 422 },
    { name: "import: bad dryRun", method: "POST", path: "/api/v1/users/import?dryRun=maybe", body: "[]", headers: json, status: 422 },
    { name: "export: unknown format", method: "GET", path: "/api/v1/users/export?format=xml", status: 422 },
  ];
}

/** A superadmin's browser session, as the API's callers; fresh, so no step-up is asked. */
async function superadminSession(): Promise<Credentials> {
  return { cookie: (await sessionCookie((await createUser({ role: "superadmin" })).user)).cookie };
}

describe("the users API", () => {
  beforeAll(loadRoutes);

  it("answers bad input with 4xx problem+json naming the fields, never 500", async () => {
    const as = await superadminSession();
    const { user: target } = await createUser();
    const failures: string[] = [];
    for (const bad of badRequestsFor(target.id)) {
      const response = await api(bad.method, bad.path, { as, body: bad.body, headers: bad.headers });
      const type = response.headers.get("content-type");
      if (response.status !== bad.status || type !== "application/problem+json") {
        failures.push(`${bad.name}: ${response.status} ${type} ${response.text}`.slice(0, 300));
        continue;
      }
      const errors = response.body?.errors as { field?: string }[] | undefined;
      if (bad.status === 422 && !(errors?.length && errors.every((error) => error.field))) {
        failures.push(`${bad.name}: 422 without field errors`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets exactly one of 20 concurrent PATCHes with one If-Match win; the rest get 412", async () => {
    const as = await superadminSession();
    const { user: target } = await createUser();
    const etag = (await api("GET", `/api/v1/users/${target.id}`, { as })).headers.get("etag")!;
    expect(etag).toBe(`"${target.version}"`);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const answer = await api("PATCH", `/api/v1/users/${target.id}`, {
          as,
          body: { name: `Writer ${index}` },
          headers: { "if-match": etag },
        });
        return answer.status;
      }),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    const after = await api("GET", `/api/v1/users/${target.id}`, { as });
    expect(after.headers.get("etag")).toBe(`"${target.version + 1}"`);
  });

  it("makes one user of 20 concurrent creates of one email, and answers 409 to the rest", async () => {
    const as = await superadminSession();
    const email = uniqueEmail("race");
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await api("POST", "/api/v1/users", { as, body: { email, invite: true } })).status),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const listed = await api("GET", `/api/v1/users?page=1&q=${encodeURIComponent(email)}`, { as });
    expect(listed.body?.total).toBe(1);
  });

  it("serves the OpenAPI document to anyone, and the reference works offline", async () => {
    const document = await api("GET", "/api/v1/openapi.json");
    expect(document.status).toBe(200);
    expect((document.body?.paths as Record<string, unknown>)["/api/v1/users/{id}"]).toBeDefined();
    expect((await api("GET", "/api/docs")).text).toContain("/api/docs/swagger-ui-bundle.js");
    const script = await api("GET", "/api/docs/swagger-ui-bundle.js");
    expect(script.status).toBe(200);
    expect(Buffer.byteLength(script.text)).toBeGreaterThan(100_000);
  });

  it("streams every matching user in the export, as CSV and JSON", async () => {
    const as = await superadminSession();
    const marker = uniqueEmail("export").split("@")[0]!;
    for (let index = 0; index < 3; index++) await createUser({ email: `${marker}-${index}@example.test` });
    const csv = await api("GET", `/api/v1/users/export?format=csv&q=${marker}`, { as });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.trim().split("\r\n")).toHaveLength(4);
    const json = await api("GET", `/api/v1/users/export?format=json&q=${marker}`, { as });
    expect(json.body).toHaveLength(3);
  });
});
