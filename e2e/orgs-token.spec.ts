import { expect, request as playwrightRequest, test } from "@playwright/test";
import { apiAs, createUser, uniqueSlug } from "./orgs-support";

test("a personal access token limited to one organization sees nothing of another", async () => {
  const owner = await apiAs(await createUser("token-owner"));
  const create = async () =>
    ((await (await owner.post("/api/v1/organizations", { data: { name: "Tenant", slug: uniqueSlug() } })).json()) as { id: string }).id;
  const [a, b] = [await create(), await create()];

  const created = await owner.post("/api/v1/users/me/tokens", {
    data: { name: "only A", scopes: ["read", "write"], organizationId: a, expiresInDays: 30 },
  });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };

  const bearer = await playwrightRequest.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const list = (await (await bearer.get("/api/v1/organizations")).json()) as { data: { id: string }[] };
  expect(list.data.map((organization) => organization.id)).toEqual([a]);
  expect((await bearer.get(`/api/v1/organizations/${a}`)).status()).toBe(200);
  expect((await bearer.patch(`/api/v1/organizations/${a}`, { data: { name: "Renamed" } })).status()).toBe(200);
  expect((await bearer.get(`/api/v1/organizations/${b}`)).status()).toBe(404);
  expect((await bearer.patch(`/api/v1/organizations/${b}`, { data: { name: "Mine" } })).status()).toBe(404);
  expect((await bearer.get(`/api/v1/organizations/${b}/members`)).status()).toBe(404);
  // The owner's own session still reaches both.
  expect((await owner.get(`/api/v1/organizations/${b}`)).status()).toBe(200);
});
