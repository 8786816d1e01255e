import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { apiAs, uniqueEmail, uniqueSlug } from "./orgs-support";
import { admin } from "./support";

test.describe.configure({ timeout: 120_000 });

const forgedCursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");

async function expectProblem(response: APIResponse, status: number, field?: string) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  const body = JSON.parse(text) as { status: number; errors?: { field: string }[] };
  expect(body.status).toBe(status);
  if (field) expect(body.errors?.map((error) => error.field)).toContain(field);
}

/** An organization with a custom role, a member and an invitation, and their ETags. */
async function organizationWithEverything(api: APIRequestContext) {
  const organization = await (await api.post("/api/v1/organizations", { data: { name: "Robust", slug: uniqueSlug("robust") } })).json();
  const base = `/api/v1/organizations/${organization.id}`;
  const role = await (await api.post(`${base}/roles`, { data: { name: `role-${Date.now()}`, permissions: [] } })).json();
  const user = await (await api.post("/api/v1/users", { data: { email: uniqueEmail("robust"), invite: true } })).json();
  const member = await (await api.post(`${base}/members`, { data: { userId: user.id, role: "member" } })).json();
  await api.post(`${base}/invitations`, { data: { email: uniqueEmail("robust-invitee"), role: "member" } });
  return { organization, role, user, member, base };
}

test("NUL and control characters in any string field answer 422 naming the field, never 500", async () => {
  const api = await apiAs(admin.email);
  const { base, role, user } = await organizationWithEverything(api);
  const nul = "a\u0000b";
  const cases: [string, string, unknown, string][] = [
    ["POST", "/api/v1/users", { email: uniqueEmail("nul"), invite: true, name: nul }, "name"],
    ["PATCH", `/api/v1/users/${user.id}`, { name: nul }, "name"],
    ["PATCH", "/api/v1/users/me", { name: nul }, "name"],
    ["POST", "/api/v1/organizations", { name: nul, slug: uniqueSlug("nul") }, "name"],
    ["PATCH", base, { name: nul }, "name"],
    ["POST", "/api/v1/users/me/tokens", { name: nul, scopes: ["read"] }, "name"],
    ["POST", `${base}/roles`, { name: nul, permissions: [] }, "name"],
    ["POST", `${base}/roles`, { name: "ok", description: nul, permissions: [] }, "description"],
    ["PATCH", `${base}/roles/${role.id}`, { name: nul }, "name"],
    ["PATCH", `${base}/roles/${role.id}`, { description: nul }, "description"],
    ["POST", `${base}/members`, { email: uniqueEmail("nul"), role: nul }, "role"],
    ["PATCH", `${base}/members/${user.id}`, { role: nul }, "role"],
    ["POST", `${base}/invitations`, { email: uniqueEmail("nul"), role: nul }, "role"],
    ["POST", "/api/v1/auth/sign-up", { email: uniqueEmail("nul"), name: nul, password: "a long enough password" }, "name"],
  ];
  for (const [method, path, data, field] of cases) {
    await test.step(`${method} ${path} ${field}`, async () => expectProblem(await api.fetch(path, { method, data }), 422, field));
  }
  const token = await api.post("/api/v1/auth/token", {
    form: { grant_type: "password", username: "nobody@example.test", password: "x", client_id: "a\u0000b" },
  });
  expect(token.status()).toBe(400);
  expect(await token.json()).toMatchObject({ error: "invalid_request" });
});

test("searches, dates and numbers the database or JavaScript would misread answer 422", async () => {
  const api = await apiAs(admin.email);
  for (const [query, field] of [
    ["q=a%00b", "q"],
    ["createdFrom=0000-01-01", "createdFrom"],
    ["createdTo=0001-01-01T00:00:00Z", "createdTo"],
    ["page=0x10", "page"],
    ["limit=1e1", "limit"],
  ]) {
    await expectProblem(await api.get(`/api/v1/users?${query}`), 422, field);
  }
  const everyone = (await (await api.get("/api/v1/users?limit=100")).json()).data.length;
  expect((await (await api.get("/api/v1/users?q=_&limit=100")).json()).data.length).toBeLessThan(everyone);
});

test("the export validates and queries before it answers, so a bad request gets a problem, not a cut 200", async () => {
  const api = await apiAs(admin.email);
  for (const query of ["createdFrom=0000-01-01", "q=%00", "format=json&createdTo=0000-12-31"]) {
    await expectProblem(await api.get(`/api/v1/users/export?${query}`), 422);
  }
  const good = await api.get("/api/v1/users/export?format=json");
  expect(good.status()).toBe(200);
  expect(Array.isArray(await good.json())).toBe(true);
});

test("forged cursors answer 422 naming cursor on every cursor list", async () => {
  const api = await apiAs(admin.email);
  const { base } = await organizationWithEverything(api);
  const cursors = [
    forgedCursor({ value: null, id: "not-a-uuid" }),
    forgedCursor({ value: { nested: true }, id: "01900000-0000-7000-8000-000000000000" }),
    forgedCursor({ value: "yesterday", id: "01900000-0000-7000-8000-000000000000" }),
    forgedCursor([1, 2]),
  ];
  for (const list of ["/api/v1/users", "/api/v1/users?sort=lastLogin", "/api/v1/organizations", `${base}/members`, `${base}/invitations`]) {
    for (const cursor of cursors) {
      const separator = list.includes("?") ? "&" : "?";
      await expectProblem(await api.get(`${list}${separator}cursor=${cursor}`), 422, "cursor");
    }
  }
});

test("an If-Match beyond any version answers 412 on every ETag route", async () => {
  const api = await apiAs(admin.email);
  const { base, role, user } = await organizationWithEverything(api);
  const huge = { "if-match": '"2147483648"' };
  for (const [method, path, data] of [
    ["PATCH", base, { name: "Renamed" }],
    ["PATCH", `${base}/roles/${role.id}`, { name: "renamed" }],
    ["PATCH", `${base}/members/${user.id}`, { role: "admin" }],
    ["PATCH", `/api/v1/users/${user.id}`, { name: "Renamed" }],
    ["DELETE", `${base}/roles/${role.id}`, undefined],
    ["DELETE", `${base}/members/${user.id}`, undefined],
    ["DELETE", base, undefined],
  ] as const) {
    await expectProblem(await api.fetch(path, { method, data, headers: huge }), 412);
  }
});

test("a malformed percent-escape in an API path answers 400 problem+json with the security headers", async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  for (const path of ["/api/v1/users/%zz", "/api/v1/organizations/%E2%82/members", "/api/v1/no-such%zz"]) {
    const response = await api.get(path);
    await expectProblem(response, 400);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
});

test("an undeclared method answers 405 with Allow on every route, in the route's error format", async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  const document = await (await api.get("/api/v1/openapi.json")).json();
  const paths = Object.keys(document.paths as Record<string, unknown>);
  expect(paths.length).toBeGreaterThan(35);
  for (const template of paths) {
    const path = template.replaceAll(/\{\w+\}/g, "01900000-0000-7000-8000-000000000000");
    const response = await api.fetch(path, { method: "PUT", data: {} });
    expect(response.status(), path).toBe(405);
    expect(response.headers()["allow"], path).toMatch(/OPTIONS/);
    if (template === "/api/v1/auth/token" || template === "/api/v1/auth/revoke") {
      expect(await response.json()).toMatchObject({ error: "invalid_request" });
    } else {
      await expectProblem(response, 405);
    }
  }
});
