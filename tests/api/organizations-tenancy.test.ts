import { beforeAll, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { organizationVia, signedInUser } from "@/tests/support/api-callers";
import { uniqueEmail } from "@/tests/support/factories";
import { uniqueSlug } from "@/tests/support/organizations";

beforeAll(loadRoutes);

it("an owner of A reaches nothing of B, however it guesses", async () => {
  const [ownerA, ownerB] = [await signedInUser(), await signedInUser()];
  const [a, b] = [await organizationVia(ownerA.as), await organizationVia(ownerB.as)];
  const bUserId = ownerB.user.id;
  const bRole = await api("POST", `/api/v1/organizations/${b}/roles`, { as: ownerB.as, body: { name: "b-only", permissions: [] } });
  const bInvitation = await api("POST", `/api/v1/organizations/${b}/invitations`, {
    as: ownerB.as,
    body: { email: uniqueEmail("b"), role: "member" },
  });
  expect([bRole.status, bInvitation.status]).toEqual([201, 201]);
  const [bRoleId, bInvitationId] = [bRole.body!.id as string, bInvitation.body!.id as string];

  const attempts: [string, string, unknown?][] = [
    ["GET", `/api/v1/organizations/${b}`],
    ["PATCH", `/api/v1/organizations/${b}`, { name: "Mine now" }],
    ["DELETE", `/api/v1/organizations/${b}`],
    ["GET", `/api/v1/organizations/${b}/members`],
    ["POST", `/api/v1/organizations/${b}/members`, { userId: bUserId, role: "member" }],
    ["GET", `/api/v1/organizations/${b}/invitations`],
    ["GET", `/api/v1/organizations/${b}/roles`],
    // B's ids under A's address are not found either: every lookup is scoped to the organization.
    ["PATCH", `/api/v1/organizations/${a}/members/${bUserId}`, { role: "member" }],
    ["DELETE", `/api/v1/organizations/${a}/members/${bUserId}`],
    ["PATCH", `/api/v1/organizations/${a}/roles/${bRoleId}`, { name: "stolen" }],
    ["DELETE", `/api/v1/organizations/${a}/roles/${bRoleId}`],
    ["DELETE", `/api/v1/organizations/${a}/invitations/${bInvitationId}`],
    ["POST", `/api/v1/organizations/${a}/invitations/${bInvitationId}/resend`],
    ["GET", `/api/v1/organizations/not-a-uuid`],
  ];
  for (const [method, path, body] of attempts) {
    const answer = await api(method, path, { as: ownerA.as, body });
    expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
  }
  const list = await api("GET", "/api/v1/organizations", { as: ownerA.as });
  expect((list.body!.data as { id: string }[]).map((organization) => organization.id)).toEqual([a]);
  expect((await api("GET", `/api/v1/organizations/${b}`, { as: ownerB.as })).body).toMatchObject({ name: "Tenant" });
});

it("edits carry ETags, and a stale If-Match is refused with 412", async () => {
  const { as } = await signedInUser();
  const created = await api("POST", "/api/v1/organizations", { as, body: { name: "Versioned", slug: uniqueSlug() } });
  expect(created.status).toBe(201);
  const path = `/api/v1/organizations/${created.body!.id as string}`;
  const etag = (await api("GET", path, { as })).headers.get("etag")!;
  const first = await api("PATCH", path, { as, body: { name: "First" }, headers: { "if-match": etag } });
  expect(first.status).toBe(200);
  expect(first.headers.get("etag")).not.toBe(etag);
  const second = await api("PATCH", path, { as, body: { name: "Second" }, headers: { "if-match": etag } });
  expect(second.status).toBe(412);
});

it("invalid input names each field, and the last owner cannot leave", async () => {
  const { user, as } = await signedInUser();
  const invalid = await api("POST", "/api/v1/organizations", { as, body: { name: "", slug: "Not A Slug", extra: 1 } });
  expect(invalid.status).toBe(422);
  const fields = (invalid.body!.errors as { field: string }[]).map((error) => error.field).sort();
  expect(fields).toEqual(["extra", "name", "slug"]);

  const id = await organizationVia(as, "Alone");
  const leave = await api("DELETE", `/api/v1/organizations/${id}/members/${user.id}`, { as });
  expect(leave.status).toBe(409);
  expect(leave.body!.detail).toMatch(/at least one owner/);
  const permissions = await api("GET", "/api/v1/permissions", { as });
  expect((permissions.body!.data as { code: string }[]).map((permission) => permission.code)).toContain("roles:manage");
});
