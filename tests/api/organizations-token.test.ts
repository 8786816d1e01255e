import { beforeAll, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { organizationVia, signedInUser } from "@/tests/support/api-callers";

beforeAll(loadRoutes);

it("a personal access token limited to one organization sees nothing of another", async () => {
  const owner = await signedInUser();
  const [a, b] = [await organizationVia(owner.as), await organizationVia(owner.as)];

  const created = await api("POST", "/api/v1/users/me/tokens", {
    as: owner.as,
    body: { name: "only A", scopes: ["read", "write"], organizationId: a, expiresInDays: 30 },
  });
  expect(created.status).toBe(201);
  const bearer = { bearer: created.body!.token as string };

  const list = await api("GET", "/api/v1/organizations", { as: bearer });
  expect((list.body!.data as { id: string }[]).map((organization) => organization.id)).toEqual([a]);
  expect((await api("GET", `/api/v1/organizations/${a}`, { as: bearer })).status).toBe(200);
  expect((await api("PATCH", `/api/v1/organizations/${a}`, { as: bearer, body: { name: "Renamed" } })).status).toBe(200);
  expect((await api("GET", `/api/v1/organizations/${b}`, { as: bearer })).status).toBe(404);
  expect((await api("PATCH", `/api/v1/organizations/${b}`, { as: bearer, body: { name: "Mine" } })).status).toBe(404);
  expect((await api("GET", `/api/v1/organizations/${b}/members`, { as: bearer })).status).toBe(404);
  // The owner's own session still reaches both.
  expect((await api("GET", `/api/v1/organizations/${b}`, { as: owner.as })).status).toBe(200);
});
