import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUserViaApi, signedInAs, uniqueEmail, type CreatedUser } from "./users-support";

type Caller = "anonymous" | "user" | "admin" | "superadmin" | "tokenWithoutScope";
const callers: Caller[] = ["anonymous", "user", "admin", "superadmin", "tokenWithoutScope"];

type Row = {
  endpoint: string;
  /** Builds the request against a fresh target user, which the superadmin may prepare (e.g. delete). */
  request: (target: CreatedUser, setup: APIRequestContext) => Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  expected: Record<Exclude<Caller, "tokenWithoutScope">, number>;
};

/**
 * The superadmin's personal access token that lacks the scope the method needs (a
 * write-only token for reads, a read-only one for changes): whatever its user may do,
 * the token never gets past its scope.
 */
const tokenWithoutScopeAnswers = 403;

const csv = () => `email,name,role\n${uniqueEmail("import")},Imported,user\n`;
const deleted = async (target: CreatedUser, setup: APIRequestContext) => {
  expect((await setup.delete(`/api/v1/users/${target.id}`)).status()).toBe(200);
};

/** Every users endpoint by caller. */
const matrix: Row[] = [
  { endpoint: "GET /api/v1/users", request: async () => ({ path: "/api/v1/users" }), expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 } },
  {
    endpoint: "POST /api/v1/users",
    request: async () => ({ path: "/api/v1/users", body: { email: uniqueEmail(), invite: true } }),
    expected: { anonymous: 401, user: 403, admin: 201, superadmin: 201 },
  },
  { endpoint: "GET /api/v1/users/{id}", request: async (t) => ({ path: `/api/v1/users/${t.id}` }), expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 } },
  {
    endpoint: "PATCH /api/v1/users/{id}",
    request: async (t) => ({ path: `/api/v1/users/${t.id}`, body: { name: "Renamed" } }),
    expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 },
  },
  { endpoint: "DELETE /api/v1/users/{id}", request: async (t) => ({ path: `/api/v1/users/${t.id}` }), expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 } },
  {
    endpoint: "POST /api/v1/users/{id}/restore",
    request: async (t, setup) => (await deleted(t, setup), { path: `/api/v1/users/${t.id}/restore` }),
    expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "POST /api/v1/users/{id}/purge",
    request: async (t, setup) => (await deleted(t, setup), { path: `/api/v1/users/${t.id}/purge` }),
    expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 },
  },
  ...(["disable", "enable", "unlock"] as const).map((action) => ({
    endpoint: `POST /api/v1/users/{id}/${action}`,
    request: async (t: CreatedUser) => ({ path: `/api/v1/users/${t.id}/${action}` }),
    expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 },
  })),
  {
    endpoint: "POST /api/v1/users/{id}/sessions/revoke",
    request: async (t) => ({ path: `/api/v1/users/${t.id}/sessions/revoke` }),
    expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "POST /api/v1/users/import",
    request: async () => ({ path: "/api/v1/users/import", body: csv(), headers: { "content-type": "text/csv" } }),
    expected: { anonymous: 401, user: 403, admin: 201, superadmin: 201 },
  },
  { endpoint: "GET /api/v1/users/export", request: async () => ({ path: "/api/v1/users/export" }), expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 } },
  { endpoint: "GET /api/v1/users/me", request: async () => ({ path: "/api/v1/users/me" }), expected: { anonymous: 401, user: 200, admin: 200, superadmin: 200 } },
  {
    endpoint: "PATCH /api/v1/users/me",
    request: async () => ({ path: "/api/v1/users/me", body: { name: "Me" } }),
    expected: { anonymous: 401, user: 200, admin: 200, superadmin: 200 },
  },
];

test("every users endpoint answers each kind of caller as the matrix says", async ({ browser, playwright }) => {
  test.setTimeout(120_000);
  const superadmin = await signedInAs(browser);
  const admin = await createUserViaApi(superadmin.request, "admin", undefined, true);
  const user = await createUserViaApi(superadmin.request, "user", undefined, true);
  const requests: Record<Exclude<Caller, "tokenWithoutScope">, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL }),
    user: (await signedInAs(browser, user.email, user.password)).request,
    admin: (await signedInAs(browser, admin.email, admin.password)).request,
    superadmin: superadmin.request,
  };
  const tokenWith = async (scope: "read" | "write") => {
    const created = await superadmin.request.post("/api/v1/users/me/tokens", { data: { name: `only ${scope}`, scopes: [scope] } });
    expect(created.status()).toBe(201);
    return playwright.request.newContext({
      baseURL: process.env.E2E_BASE_URL,
      extraHTTPHeaders: { authorization: `Bearer ${((await created.json()) as { token: string }).token}` },
    });
  };
  const [readOnlyToken, writeOnlyToken] = [await tokenWith("read"), await tokenWith("write")];

  const mismatches: string[] = [];
  for (const row of matrix) {
    const [method] = row.endpoint.split(" ") as [string];
    for (const caller of callers) {
      const target = await createUserViaApi(superadmin.request);
      const { path, body, headers } = await row.request(target, superadmin.request);
      const client = caller !== "tokenWithoutScope" ? requests[caller] : method === "GET" ? writeOnlyToken : readOnlyToken;
      const expected = caller === "tokenWithoutScope" ? tokenWithoutScopeAnswers : row.expected[caller];
      const response = await client.fetch(path, { method, data: body, headers });
      if (response.status() !== expected) {
        mismatches.push(`${row.endpoint} as ${caller}: ${response.status()} (expected ${expected})`);
      }
      if (response.status() >= 400) expect(response.headers()["content-type"]).toBe("application/problem+json");
    }
  }
  expect(mismatches).toEqual([]);
});

test("admins cannot act on superadmins or create one; superadmins can", async ({ browser }) => {
  const superadmin = await signedInAs(browser);
  const adminUser = await createUserViaApi(superadmin.request, "admin", undefined, true);
  const other = await createUserViaApi(superadmin.request, "superadmin");
  const admin = await signedInAs(browser, adminUser.email, adminUser.password);
  for (const action of ["disable", "unlock", "sessions/revoke"]) {
    expect((await admin.request.post(`/api/v1/users/${other.id}/${action}`)).status()).toBe(403);
  }
  expect((await admin.request.patch(`/api/v1/users/${other.id}`, { data: { name: "x" } })).status()).toBe(403);
  expect((await admin.request.delete(`/api/v1/users/${other.id}`)).status()).toBe(403);
  expect((await admin.request.post("/api/v1/users", { data: { email: uniqueEmail(), invite: true, role: "superadmin" } })).status()).toBe(403);
  expect((await superadmin.request.patch(`/api/v1/users/${other.id}`, { data: { role: "admin" } })).status()).toBe(200);
});
