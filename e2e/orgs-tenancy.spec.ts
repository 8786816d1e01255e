import { expect, test } from "@playwright/test";
import { apiAs, createUser, uniqueEmail, uniqueSlug } from "./orgs-support";

test("an owner of A reaches nothing of B, however it guesses", async () => {
  const [ownerA, ownerB] = [await apiAs(await createUser("owner-a")), await apiAs(await createUser("owner-b"))];
  const create = async (api: typeof ownerA) =>
    ((await (await api.post("/api/v1/organizations", { data: { name: "Tenant", slug: uniqueSlug() } })).json()) as { id: string }).id;
  const [a, b] = [await create(ownerA), await create(ownerB)];
  const bUserId = ((await (await ownerB.get("/api/v1/users/me")).json()) as { id: string }).id;
  const bRole = (await (await ownerB.post(`/api/v1/organizations/${b}/roles`, { data: { name: "b-only", permissions: [] } })).json()) as {
    id: string;
  };
  const bInvitation = (await (
    await ownerB.post(`/api/v1/organizations/${b}/invitations`, { data: { email: uniqueEmail("b"), role: "member" } })
  ).json()) as { id: string };

  const attempts = [
    ownerA.get(`/api/v1/organizations/${b}`),
    ownerA.patch(`/api/v1/organizations/${b}`, { data: { name: "Mine now" } }),
    ownerA.delete(`/api/v1/organizations/${b}`),
    ownerA.get(`/api/v1/organizations/${b}/members`),
    ownerA.post(`/api/v1/organizations/${b}/members`, { data: { userId: bUserId, role: "member" } }),
    ownerA.get(`/api/v1/organizations/${b}/invitations`),
    ownerA.get(`/api/v1/organizations/${b}/roles`),
    // B's ids under A's address are not found either: every lookup is scoped to the organization.
    ownerA.patch(`/api/v1/organizations/${a}/members/${bUserId}`, { data: { role: "member" } }),
    ownerA.delete(`/api/v1/organizations/${a}/members/${bUserId}`),
    ownerA.patch(`/api/v1/organizations/${a}/roles/${bRole.id}`, { data: { name: "stolen" } }),
    ownerA.delete(`/api/v1/organizations/${a}/roles/${bRole.id}`),
    ownerA.delete(`/api/v1/organizations/${a}/invitations/${bInvitation.id}`),
    ownerA.post(`/api/v1/organizations/${a}/invitations/${bInvitation.id}/resend`),
    ownerA.get(`/api/v1/organizations/not-a-uuid`),
  ];
  for (const response of await Promise.all(attempts)) {
    expect([response.url(), response.status()]).toEqual([response.url(), 404]);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
  }
  const list = (await (await ownerA.get("/api/v1/organizations")).json()) as { data: { id: string }[] };
  expect(list.data.map((o) => o.id)).toEqual([a]);
  expect((await (await ownerB.get(`/api/v1/organizations/${b}`)).json()) as object).toMatchObject({ name: "Tenant" });
});

test("edits carry ETags, and a stale If-Match is refused with 412", async () => {
  const owner = await apiAs(await createUser("etag"));
  const created = await owner.post("/api/v1/organizations", { data: { name: "Versioned", slug: uniqueSlug() } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const etag = (await owner.get(`/api/v1/organizations/${id}`)).headers()["etag"]!;
  const first = await owner.patch(`/api/v1/organizations/${id}`, { data: { name: "First" }, headers: { "if-match": etag } });
  expect(first.status()).toBe(200);
  expect(first.headers()["etag"]).not.toBe(etag);
  const second = await owner.patch(`/api/v1/organizations/${id}`, { data: { name: "Second" }, headers: { "if-match": etag } });
  expect(second.status()).toBe(412);
});

test("invalid input names each field, and the last owner cannot leave", async () => {
  const email = await createUser("fields");
  const owner = await apiAs(email);
  const invalid = await owner.post("/api/v1/organizations", { data: { name: "", slug: "Not A Slug", extra: 1 } });
  expect(invalid.status()).toBe(422);
  const fields = ((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
  expect(fields).toEqual(["extra", "name", "slug"]);

  const { id } = (await (await owner.post("/api/v1/organizations", { data: { name: "Alone", slug: uniqueSlug() } })).json()) as {
    id: string;
  };
  const me = ((await (await owner.get("/api/v1/users/me")).json()) as { id: string }).id;
  const leave = await owner.delete(`/api/v1/organizations/${id}/members/${me}`);
  expect(leave.status()).toBe(409);
  expect(((await leave.json()) as { detail: string }).detail).toMatch(/at least one owner/);
  const permissions = (await (await owner.get("/api/v1/permissions")).json()) as { data: { code: string }[] };
  expect(permissions.data.map((p) => p.code)).toContain("roles:manage");
});
