import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { admin } from "./support";
import { apiAs, createUser, createUserWithId, uniqueEmail, uniqueSlug } from "./orgs-support";

const callers = ["nonMember", "member", "admin", "owner", "customWith", "customWithout", "superadmin", "ownerTokenElsewhere"] as const;
type Caller = (typeof callers)[number];
type Scene = { id: string; targetId: string; roleId: string; invitationId: string; outsiderEmail: string };
type Endpoint = { permission: string; call: (api: APIRequestContext, s: Scene) => ReturnType<APIRequestContext["get"]> };

const endpoints: Record<string, Endpoint> = {
  "GET /organizations/:id": { permission: "organization:read", call: (api, s) => api.get(`/api/v1/organizations/${s.id}`) },
  "PATCH /organizations/:id": {
    permission: "organization:update",
    call: (api, s) => api.patch(`/api/v1/organizations/${s.id}`, { data: { name: "Renamed" } }),
  },
  "DELETE /organizations/:id": { permission: "organization:delete", call: (api, s) => api.delete(`/api/v1/organizations/${s.id}`) },
  "GET …/members": { permission: "members:read", call: (api, s) => api.get(`/api/v1/organizations/${s.id}/members`) },
  "POST …/members": {
    permission: "members:invite",
    call: (api, s) => api.post(`/api/v1/organizations/${s.id}/members`, { data: { email: s.outsiderEmail, role: "spare-a" } }),
  },
  "PATCH …/members/:userId": {
    permission: "members:update",
    call: (api, s) => api.patch(`/api/v1/organizations/${s.id}/members/${s.targetId}`, { data: { role: "spare-b" } }),
  },
  "DELETE …/members/:userId": {
    permission: "members:remove",
    call: (api, s) => api.delete(`/api/v1/organizations/${s.id}/members/${s.targetId}`),
  },
  "GET …/invitations": { permission: "members:invite", call: (api, s) => api.get(`/api/v1/organizations/${s.id}/invitations`) },
  "POST …/invitations": {
    permission: "members:invite",
    call: (api, s) => api.post(`/api/v1/organizations/${s.id}/invitations`, { data: { email: uniqueEmail("inv"), role: "spare-a" } }),
  },
  "DELETE …/invitations/:id": {
    permission: "members:invite",
    call: (api, s) => api.delete(`/api/v1/organizations/${s.id}/invitations/${s.invitationId}`),
  },
  "POST …/invitations/:id/resend": {
    permission: "members:invite",
    call: (api, s) => api.post(`/api/v1/organizations/${s.id}/invitations/${s.invitationId}/resend`),
  },
  "GET …/roles": { permission: "organization:read", call: (api, s) => api.get(`/api/v1/organizations/${s.id}/roles`) },
  "POST …/roles": {
    permission: "roles:manage",
    call: (api, s) => api.post(`/api/v1/organizations/${s.id}/roles`, { data: { name: "fresh", permissions: [] } }),
  },
  "PATCH …/roles/:roleId": {
    permission: "roles:manage",
    call: (api, s) => api.patch(`/api/v1/organizations/${s.id}/roles/${s.roleId}`, { data: { description: "x" } }),
  },
  "DELETE …/roles/:roleId": { permission: "roles:manage", call: (api, s) => api.delete(`/api/v1/organizations/${s.id}/roles/${s.roleId}`) },
  "GET …/audit-events": { permission: "audit:read", call: (api, s) => api.get(`/api/v1/organizations/${s.id}/audit-events`) },
  "GET …/audit-events/export": {
    permission: "audit:read",
    call: (api, s) => api.get(`/api/v1/organizations/${s.id}/audit-events/export`),
  },
  "GET …/webhooks": { permission: "webhooks:manage", call: (api, s) => api.get(`/api/v1/organizations/${s.id}/webhooks`) },
  "POST …/webhooks": {
    permission: "webhooks:manage",
    call: (api, s) =>
      api.post(`/api/v1/organizations/${s.id}/webhooks`, { data: { url: "http://127.0.0.1:9/hooks", eventTypes: ["member.added"] } }),
  },
};

// Expected status per caller, in the order of `callers`; the same table as the service test.
// Adding a member is 202 (an invitation) for everyone but a global administrator.
// ownerTokenElsewhere: the owner's read-write token limited to another organization, which acts nowhere else.
//                                nonMember member admin owner customWith customWithout superadmin ownerTokenElsewhere
const matrix: Record<keyof typeof endpoints, number[]> = {
  "GET /organizations/:id": [404, 200, 200, 200, 200, 200, 200, 404],
  "PATCH /organizations/:id": [404, 403, 200, 200, 200, 403, 200, 404],
  "DELETE /organizations/:id": [404, 403, 403, 204, 204, 403, 204, 404],
  "GET …/members": [404, 200, 200, 200, 200, 403, 200, 404],
  "POST …/members": [404, 403, 202, 202, 202, 403, 201, 404],
  "PATCH …/members/:userId": [404, 403, 200, 200, 200, 403, 200, 404],
  "DELETE …/members/:userId": [404, 403, 204, 204, 204, 403, 204, 404],
  "GET …/invitations": [404, 403, 200, 200, 200, 403, 200, 404],
  "POST …/invitations": [404, 403, 201, 201, 201, 403, 201, 404],
  "DELETE …/invitations/:id": [404, 403, 204, 204, 204, 403, 204, 404],
  "POST …/invitations/:id/resend": [404, 403, 200, 200, 200, 403, 200, 404],
  "GET …/roles": [404, 200, 200, 200, 200, 200, 200, 404],
  "POST …/roles": [404, 403, 201, 201, 201, 403, 201, 404],
  "PATCH …/roles/:roleId": [404, 403, 200, 200, 200, 403, 200, 404],
  "DELETE …/roles/:roleId": [404, 403, 204, 204, 204, 403, 204, 404],
  "GET …/audit-events": [404, 403, 200, 200, 200, 403, 200, 404],
  "GET …/audit-events/export": [404, 403, 200, 200, 200, 403, 200, 404],
  "GET …/webhooks": [404, 403, 200, 200, 200, 403, 200, 404],
  "POST …/webhooks": [404, 403, 201, 201, 201, 403, 201, 404],
};

// One worker runs this file's tests in order: each caller signs in once, not once per worker.
test.describe.configure({ mode: "default" });

const apis = {} as Record<Caller, APIRequestContext>;
const emails = {} as Record<Caller | "target", string>;
let targetId = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  for (const caller of [...callers, "target"] as const) {
    if (caller === "ownerTokenElsewhere") continue;
    const user = caller === "superadmin" ? { email: admin.email, id: "" } : await createUserWithId(caller.toLowerCase());
    emails[caller] = user.email;
    if (caller === "target") targetId = user.id;
    else apis[caller] = await apiAs(user.email);
  }
  apis.ownerTokenElsewhere = (await tokenLimitedToOwnOrganization(apis.owner)).api;
});

/** A read-write token of the caller behind `api`, limited to a new organization of its own that no scene uses. */
async function tokenLimitedToOwnOrganization(api: APIRequestContext): Promise<{ api: APIRequestContext; organizationId: string }> {
  const { id } = await ok<{ id: string }>(await api.post("/api/v1/organizations", { data: { name: "Elsewhere", slug: uniqueSlug() } }));
  const { token } = await ok<{ token: string }>(
    await api.post("/api/v1/users/me/tokens", {
      data: { name: "elsewhere", scopes: ["read", "write"], organizationId: id, expiresInDays: 1, password: admin.password },
    }),
  );
  const limited = await playwrightRequest.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  return { api: limited, organizationId: id };
}

test.afterAll(async () => {
  await Promise.all(Object.values(apis).map((api) => api.dispose()));
});

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * A fresh organization with one member of every kind, made through the API by its owner;
 * the superadmin puts the members in, since anyone else's additions are only invitations.
 */
async function setScene(permission: string): Promise<Scene> {
  const owner = apis.owner;
  const { id } = await ok<{ id: string }>(await owner.post("/api/v1/organizations", { data: { name: "Matrix", slug: uniqueSlug() } }));
  const role = (name: string, permissions: string[]) => owner.post(`/api/v1/organizations/${id}/roles`, { data: { name, permissions } });
  await ok(await role("spare-a", []));
  const spare = await ok<{ id: string }>(await role("spare-b", []));
  await ok(await role("with", [permission]));
  await ok(await role("without", []));
  for (const [caller, roleName] of [
    ["member", "member"],
    ["admin", "admin"],
    ["customWith", "with"],
    ["customWithout", "without"],
    ["target", "spare-a"],
  ] as const) {
    await ok(await apis.superadmin.post(`/api/v1/organizations/${id}/members`, { data: { email: emails[caller], role: roleName } }));
  }
  const invitation = await ok<{ id: string }>(
    await owner.post(`/api/v1/organizations/${id}/invitations`, { data: { email: uniqueEmail("pending"), role: "spare-a" } }),
  );
  return { id, targetId, roleId: spare.id, invitationId: invitation.id, outsiderEmail: await createUser("outsider") };
}

for (const [name, statuses] of Object.entries(matrix)) {
  test(`${name} answers each kind of caller as the matrix says`, async () => {
    test.setTimeout(90_000);
    const endpoint = endpoints[name]!;
    const actual: Record<string, number> = {};
    for (const caller of callers) {
      const scene = await setScene(endpoint.permission);
      actual[caller] = (await endpoint.call(apis[caller], scene)).status();
    }
    expect(actual).toEqual(Object.fromEntries(callers.map((caller, i) => [caller, statuses[i]])));
  });
}

test("a global administrator's token limited to one organization reads that organization's audit log and nothing else", async () => {
  const { api: limited, organizationId } = await tokenLimitedToOwnOrganization(apis.superadmin);
  await ok(
    await apis.superadmin.post(`/api/v1/organizations/${organizationId}/members`, { data: { email: emails.member, role: "member" } }),
  );
  const other = await setScene("audit:read");
  const own = `/api/v1/organizations/${organizationId}/audit-events`;

  // Asking its own log for another organization's events must not widen what it reads.
  for (const path of [own, `${own}?organization=${other.id}`, `${own}/export?format=json`]) {
    const response = await limited.get(path);
    expect(response.status(), path).toBe(200);
    const body = (await response.json()) as { data?: { organizationId: string }[] } | { organizationId: string }[];
    const events = Array.isArray(body) ? body : (body.data ?? []);
    expect(new Set(events.map((event) => event.organizationId)), path).toEqual(
      new Set(path.includes("?organization=") ? [] : [organizationId]),
    );
  }
  expect((await apis.superadmin.get(`/api/v1/organizations/${other.id}/audit-events`)).status()).toBe(200);
  for (const path of [`/api/v1/organizations/${other.id}/audit-events`, `/api/v1/organizations/${other.id}/audit-events/export`]) {
    expect((await limited.get(path)).status(), path).toBe(404);
  }
  for (const path of ["/api/v1/audit-events", "/api/v1/audit-events/export"]) {
    expect((await limited.get(path)).status(), path).toBe(403);
  }
  await limited.dispose();
});
