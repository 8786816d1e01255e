import { expect, test } from "@playwright/test";
import { createUserViaApi, signedInAs, uniqueEmail } from "./users-support";

test.describe.configure({ timeout: 90_000 });

type BadRequest = { name: string; method: string; path: string; data?: unknown; headers?: Record<string, string>; status: number };

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
    { name: "create: wrong types", method: "POST", path: "/api/v1/users", data: { email: 42, password: true }, status: 422 },
    {
      name: "create: unknown field",
      method: "POST",
      path: "/api/v1/users",
      data: { email: uniqueEmail(), invite: true, isAdmin: true },
      status: 422,
    },
    {
      name: "create: oversize name",
      method: "POST",
      path: "/api/v1/users",
      data: { email: uniqueEmail(), invite: true, name: "n".repeat(5000) },
      status: 422,
    },
    { name: "create: malformed JSON", method: "POST", path: "/api/v1/users", data: '{"email": ', headers: json, status: 400 },
    {
      name: "create: wrong content type",
      method: "POST",
      path: "/api/v1/users",
      data: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      status: 415,
    },
    {
      name: "create: too large",
      method: "POST",
      path: "/api/v1/users",
      data: JSON.stringify({ email: "x".repeat(1_100_000) }),
      headers: json,
      status: 413,
    },
    { name: "create: array body", method: "POST", path: "/api/v1/users", data: "[]", headers: json, status: 422 },
    { name: "get: not a uuid", method: "GET", path: "/api/v1/users/not-a-uuid", status: 404 },
    { name: "get: unknown id", method: "GET", path: `/api/v1/users/${id}`, status: 404 },
    { name: "patch: wrong type", method: "PATCH", path: `/api/v1/users/${targetId}`, data: { role: "owner" }, status: 422 },
    { name: "patch: unknown field", method: "PATCH", path: `/api/v1/users/${targetId}`, data: { email: "x@example.test" }, status: 422 },
    { name: "patch: malformed JSON", method: "PATCH", path: `/api/v1/users/${targetId}`, data: "{", headers: json, status: 400 },
    {
      name: "patch: malformed If-Match",
      method: "PATCH",
      path: `/api/v1/users/${targetId}`,
      data: { name: "x" },
      headers: { "if-match": "yesterday" },
      status: 400,
    },
    { name: "patch: null body", method: "PATCH", path: `/api/v1/users/${targetId}`, data: "null", headers: json, status: 422 },
    { name: "restore: not deleted", method: "POST", path: `/api/v1/users/${targetId}/restore`, status: 409 },
    { name: "purge: not deleted", method: "POST", path: `/api/v1/users/${targetId}/purge`, status: 409 },
    { name: "disable: unknown id", method: "POST", path: `/api/v1/users/${id}/disable`, status: 404 },
    { name: "me: unknown field", method: "PATCH", path: "/api/v1/users/me", data: { role: "superadmin" }, status: 422 },
    { name: "me: wrong type", method: "PATCH", path: "/api/v1/users/me", data: { name: 7 }, status: 422 },
    {
      name: "import: wrong content type",
      method: "POST",
      path: "/api/v1/users/import",
      data: "x",
      headers: { "content-type": "text/plain" },
      status: 415,
    },
    {
      name: "import: malformed CSV",
      method: "POST",
      path: "/api/v1/users/import",
      data: 'email,name\n"open,x\n',
      headers: { "content-type": "text/csv" },
      status: 400,
    },
    { name: "import: malformed JSON", method: "POST", path: "/api/v1/users/import", data: "[{", headers: json, status: 400 },
    { name: "import: not an array", method: "POST", path: "/api/v1/users/import", data: "{}", headers: json, status: 422 },
    { name: "import: bad dryRun", method: "POST", path: "/api/v1/users/import?dryRun=maybe", data: "[]", headers: json, status: 422 },
    { name: "export: unknown format", method: "GET", path: "/api/v1/users/export?format=xml", status: 422 },
  ];
}

test("bad input answers 4xx problem+json naming the fields, never 500", async ({ browser }) => {
  const { request } = await signedInAs(browser);
  const target = await createUserViaApi(request);
  const failures: string[] = [];
  for (const bad of badRequestsFor(target.id)) {
    // Strings go out byte for byte; Playwright would otherwise encode them as JSON strings.
    const data = typeof bad.data === "string" ? Buffer.from(bad.data) : bad.data;
    const response = await request.fetch(bad.path, { method: bad.method, data, headers: bad.headers });
    const type = response.headers()["content-type"];
    if (response.status() !== bad.status || type !== "application/problem+json") {
      failures.push(`${bad.name}: ${response.status()} ${type} ${await response.text()}`.slice(0, 300));
      continue;
    }
    const body = await response.json();
    if (bad.status === 422 && !(body.errors?.length > 0 && body.errors.every((error: { field?: string }) => error.field))) {
      failures.push(`${bad.name}: 422 without field errors`);
    }
  }
  expect(failures).toEqual([]);
});

test("20 concurrent PATCHes with one If-Match: exactly one wins, the rest get 412", async ({ browser }) => {
  const { request } = await signedInAs(browser);
  const target = await createUserViaApi(request);
  const current = await request.get(`/api/v1/users/${target.id}`);
  const etag = current.headers()["etag"]!;
  expect(etag).toBe(`"${target.version}"`);
  const statuses = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      request
        .patch(`/api/v1/users/${target.id}`, { data: { name: `Writer ${index}` }, headers: { "if-match": etag } })
        .then((r) => r.status()),
    ),
  );
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status === 412)).toHaveLength(19);
  const after = await request.get(`/api/v1/users/${target.id}`);
  expect(after.headers()["etag"]).toBe(`"${target.version + 1}"`);
});

test("20 concurrent creates of one email: one user, 409 for the rest", async ({ browser }) => {
  const { request } = await signedInAs(browser);
  const email = uniqueEmail("race");
  const statuses = await Promise.all(
    Array.from({ length: 20 }, () => request.post("/api/v1/users", { data: { email, invite: true } }).then((r) => r.status())),
  );
  expect(statuses.filter((status) => status === 201)).toHaveLength(1);
  expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  const listed = await (await request.get(`/api/v1/users?page=1&q=${encodeURIComponent(email)}`)).json();
  expect(listed.total).toBe(1);
});

test("the OpenAPI document is public and the reference works offline", async ({ request }) => {
  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect((await document.json()).paths["/api/v1/users/{id}"]).toBeDefined();
  const page = await request.get("/api/docs");
  expect(await page.text()).toContain("/api/docs/swagger-ui-bundle.js");
  const script = await request.get("/api/docs/swagger-ui-bundle.js");
  expect(script.status()).toBe(200);
  expect((await script.body()).length).toBeGreaterThan(100_000);
});

test("export streams every matching user as CSV and JSON", async ({ browser }) => {
  const { request } = await signedInAs(browser);
  const marker = uniqueEmail("export").split("@")[0]!;
  for (let index = 0; index < 3; index++) await createUserViaApi(request, "user", `${marker}-${index}@example.test`);
  const csv = await request.get(`/api/v1/users/export?format=csv&q=${marker}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(4);
  const json = await (await request.get(`/api/v1/users/export?format=json&q=${marker}`)).json();
  expect(json).toHaveLength(3);
});
