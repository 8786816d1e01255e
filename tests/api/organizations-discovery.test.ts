import { beforeAll, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { organizationVia, signedInUser } from "@/tests/support/api-callers";
import { createUser, uniqueEmail } from "@/tests/support/factories";
import type { RouteAnswer } from "@/tests/support/route-call";

/** An answer with what differs between any two invitations (ids, addresses, times) blanked. */
function shapeOf(answer: RouteAnswer) {
  const varying = ["id", "email", "expiresAt", "createdAt", "requestId"];
  return { status: answer.status, body: JSON.parse(JSON.stringify(answer.body), (key, value) => (varying.includes(key) ? "…" : value)) };
}

beforeAll(loadRoutes);

it("an outsider who makes an organization cannot tell who has an account, nor add anyone", async () => {
  const attacker = await signedInUser();
  const { user: victim } = await createUser({ email: uniqueEmail("victim") });
  const id = await organizationVia(attacker.as, "Probe");
  const add = (body: object) => api("POST", `/api/v1/organizations/${id}/members`, { as: attacker.as, body: { role: "member", ...body } });

  const known = await add({ email: victim.email });
  const unknown = await add({ email: uniqueEmail("nobody") });
  expect(known.status).toBe(202);
  expect(shapeOf(known)).toEqual(shapeOf(unknown));

  const byKnownId = await add({ userId: victim.id });
  const byUnknownId = await add({ userId: "00000000-0000-4000-8000-000000000000" });
  expect(byKnownId.status).toBe(403);
  expect(shapeOf(byKnownId)).toEqual(shapeOf(byUnknownId));

  const members = await api("GET", `/api/v1/organizations/${id}/members`, { as: attacker.as });
  expect((members.body!.data as { userId: string }[]).map((member) => member.userId)).not.toContain(victim.id);
});

it("a global administrator adds an existing account at once, and learns when there is none", async () => {
  const superadmin = await signedInUser("superadmin");
  const { user: person } = await createUser({ email: uniqueEmail("direct") });
  const id = await organizationVia(superadmin.as, "Direct");
  const add = (body: object) =>
    api("POST", `/api/v1/organizations/${id}/members`, { as: superadmin.as, body: { role: "member", ...body } });

  const added = await add({ email: person.email });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({ userId: person.id, role: { name: "member" } });
  expect((await add({ email: uniqueEmail("nobody") })).status).toBe(404);
});
