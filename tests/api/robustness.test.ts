import { beforeAll, describe, expect, it, vi } from "vitest";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { api, loadRoutes } from "@/tests/support/api";
import { clientAt } from "@/tests/support/api-client";
import { sessionCookie } from "@/tests/support/callers";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { addMembership, createCustomRole, createOrganizationFor, uniqueSlug } from "@/tests/support/organizations";
import { withPrivateDatabase } from "@/tests/support/private-database";
import type { Credentials, RouteAnswer } from "@/tests/support/route-call";

// "Everyone" in the search test is the whole users table: no other file's users may join it.
vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

const forgedCursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");

function expectProblem(response: RouteAnswer, status: number, field?: string, label = "") {
  expect(response.status, `${label} ${response.text}`).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = response.body as { status: number; errors?: { field: string }[] };
  expect(body.status).toBe(status);
  if (field)
    expect(
      body.errors?.map((error) => error.field),
      label,
    ).toContain(field);
}

/** A superadmin's fresh session, and an organization of theirs with a custom role, a member and an invitation. */
async function organizationWithEverything() {
  const { user: superadmin } = await createUser({ role: "superadmin" });
  const { cookie, sessionId } = await sessionCookie(superadmin);
  const owner = actorFor(superadmin, sessionId);
  const organization = await createOrganizationFor(owner, "Robust");
  const role = await createCustomRole(organization.id, `role-${Date.now()}`, []);
  const { user } = await createUser();
  await addMembership(organization.id, user.id, "member");
  await createInvitation({ actor: owner, organizationId: organization.id, data: { email: uniqueEmail("robust-invitee"), role: "member" } });
  const as: Credentials = { cookie };
  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(method, path, { as, body, headers });
  return { call, base: `/api/v1/organizations/${organization.id}`, role, user };
}

describe("input the database or JavaScript would misread", () => {
  beforeAll(loadRoutes);

  it("answers NUL and control characters in any string field with 422 naming the field, never 500", async () => {
    const { call, base, role, user } = await organizationWithEverything();
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
    for (const [method, path, body, field] of cases) {
      expectProblem(await call(method, path, body), 422, field, `${method} ${path} ${field}`);
    }
    const token = await clientAt().form("/api/v1/auth/token", {
      grant_type: "password",
      username: "nobody@example.test",
      password: "x",
      client_id: "a\u0000b",
    });
    expect(token.status).toBe(400);
    expect(token.body).toMatchObject({ error: "invalid_request" });
  });

  it("answers searches, dates and numbers the database or JavaScript would misread with 422", async () => {
    const { call } = await organizationWithEverything();
    for (const [query, field] of [
      ["q=a%00b", "q"],
      ["createdFrom=0000-01-01", "createdFrom"],
      ["createdTo=0001-01-01T00:00:00Z", "createdTo"],
      ["page=0x10", "page"],
      ["limit=1e1", "limit"],
    ]) {
      expectProblem(await call("GET", `/api/v1/users?${query}`), 422, field);
    }
    const everyone = ((await call("GET", "/api/v1/users?limit=100")).body?.data as unknown[]).length;
    expect(((await call("GET", "/api/v1/users?q=_&limit=100")).body?.data as unknown[]).length).toBeLessThan(everyone);
  });

  it("validates and queries the export before it answers, so a bad request gets a problem, not a cut 200", async () => {
    const { call } = await organizationWithEverything();
    for (const query of ["createdFrom=0000-01-01", "q=%00", "format=json&createdTo=0000-12-31"]) {
      expectProblem(await call("GET", `/api/v1/users/export?${query}`), 422);
    }
    const good = await call("GET", "/api/v1/users/export?format=json");
    expect(good.status).toBe(200);
    expect(Array.isArray(good.body)).toBe(true);
  });

  it("answers forged cursors with 422 naming cursor on every cursor list", async () => {
    const { call, base } = await organizationWithEverything();
    const cursors = [
      forgedCursor({ value: null, id: "not-a-uuid" }),
      forgedCursor({ value: { nested: true }, id: "01900000-0000-7000-8000-000000000000" }),
      forgedCursor({ value: "yesterday", id: "01900000-0000-7000-8000-000000000000" }),
      forgedCursor([1, 2]),
    ];
    for (const list of [
      "/api/v1/users",
      "/api/v1/users?sort=lastLogin",
      "/api/v1/organizations",
      `${base}/members`,
      `${base}/invitations`,
    ]) {
      for (const cursor of cursors) {
        const separator = list.includes("?") ? "&" : "?";
        expectProblem(await call("GET", `${list}${separator}cursor=${cursor}`), 422, "cursor");
      }
    }
  });

  it("answers an If-Match beyond any version with 412 on every ETag route", async () => {
    const { call, base, role, user } = await organizationWithEverything();
    const huge = { "if-match": '"2147483648"' };
    for (const [method, path, body] of [
      ["PATCH", base, { name: "Renamed" }],
      ["PATCH", `${base}/roles/${role.id}`, { name: "renamed" }],
      ["PATCH", `${base}/members/${user.id}`, { role: "admin" }],
      ["PATCH", `/api/v1/users/${user.id}`, { name: "Renamed" }],
      ["DELETE", `${base}/roles/${role.id}`, undefined],
      ["DELETE", `${base}/members/${user.id}`, undefined],
      ["DELETE", base, undefined],
    ] as const) {
      expectProblem(await call(method, path, body, huge), 412);
    }
  });
});
