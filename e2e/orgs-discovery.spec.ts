import { expect, test, type APIResponse } from "@playwright/test";
import { admin } from "./support";
import { apiAs, createUserWithId, uniqueEmail, uniqueSlug } from "./orgs-support";

/** An answer with what differs between any two invitations (ids, addresses, times) blanked. */
async function shapeOf(response: APIResponse) {
  const varying = ["id", "email", "expiresAt", "createdAt", "requestId"];
  return {
    status: response.status(),
    body: JSON.parse(await response.text(), (key, value) => (varying.includes(key) ? "…" : value)) as unknown,
  };
}

test("an outsider who makes an organization cannot tell who has an account, nor add anyone", async () => {
  const attacker = await apiAs((await createUserWithId("prober")).email);
  const victim = await createUserWithId("victim");
  const created = await attacker.post("/api/v1/organizations", { data: { name: "Probe", slug: uniqueSlug() } });
  const { id } = (await created.json()) as { id: string };
  const add = (data: object) => attacker.post(`/api/v1/organizations/${id}/members`, { data: { role: "member", ...data } });

  const known = await add({ email: victim.email });
  const unknown = await add({ email: uniqueEmail("nobody") });
  expect(known.status()).toBe(202);
  expect(await shapeOf(known)).toEqual(await shapeOf(unknown));

  const byKnownId = await add({ userId: victim.id });
  const byUnknownId = await add({ userId: "00000000-0000-4000-8000-000000000000" });
  expect(byKnownId.status()).toBe(403);
  expect(await shapeOf(byKnownId)).toEqual(await shapeOf(byUnknownId));

  const members = (await (await attacker.get(`/api/v1/organizations/${id}/members`)).json()) as { data: { userId: string }[] };
  expect(members.data.map((m) => m.userId)).not.toContain(victim.id);
  await attacker.dispose();
});

test("a global administrator adds an existing account at once, and learns when there is none", async () => {
  const superadmin = await apiAs(admin.email);
  const person = await createUserWithId("direct");
  const { id } = (await (await superadmin.post("/api/v1/organizations", { data: { name: "Direct", slug: uniqueSlug() } })).json()) as {
    id: string;
  };
  const add = (data: object) => superadmin.post(`/api/v1/organizations/${id}/members`, { data: { role: "member", ...data } });

  const added = await add({ email: person.email });
  expect(added.status()).toBe(201);
  expect(await added.json()).toMatchObject({ userId: person.id, role: { name: "member" } });
  expect((await add({ email: uniqueEmail("nobody") })).status()).toBe(404);
  await superadmin.dispose();
});
