import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { entraIdSequence } from "../tests/fixtures/scim-entra-id-sequence";
import { oktaSequence } from "../tests/fixtures/scim-okta-sequence";
import { fillIn, valueAt, type ScimStep } from "../tests/fixtures/scim-step";
import { apiAs, createUser, uniqueSlug } from "./orgs-support";

/** An organization of a new owner, and a SCIM client holding a token of it made over the API. */
async function organizationWithScimToken(owner: APIRequestContext) {
  const organization = (await (await owner.post("/api/v1/organizations", { data: { name: "Directory", slug: uniqueSlug() } })).json()) as {
    id: string;
  };
  const created = await owner.post(`/api/v1/organizations/${organization.id}/scim-tokens`, { data: { name: "Identity provider" } });
  expect(created.status()).toBe(201);
  const token = (await created.json()) as { id: string; token: string };
  const scim = await playwrightRequest.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token.token}`, "content-type": "application/scim+json" },
  });
  return { organizationId: organization.id, token, scim };
}

async function replay(scim: APIRequestContext, sequence: ScimStep[], values: Record<string, string>) {
  for (const step of sequence) {
    const filled = fillIn(step, values);
    const response = await scim.fetch(filled.path, {
      method: filled.method,
      data: filled.body === undefined ? undefined : JSON.stringify(filled.body),
    });
    const body = (await response.text()) ? await response.json() : {};
    expect({ step: step.name, status: response.status() }).toEqual({ step: step.name, status: filled.expect.status });
    if (response.status() !== 204) expect(response.headers()["content-type"]).toBe("application/scim+json");
    if (filled.expect.body) expect(body, step.name).toMatchObject(filled.expect.body);
    for (const [name, path] of Object.entries(filled.capture ?? {})) values[name] = String(valueAt(body, path));
  }
}

test("identity providers provision an organization over SCIM, and only that organization", async () => {
  const owner = await apiAs(await createUser("scim-owner"));
  const mine = await organizationWithScimToken(owner);
  const theirs = await organizationWithScimToken(owner);

  // The secret is shown once: the list has only its prefix.
  const listed = await (await owner.get(`/api/v1/organizations/${mine.organizationId}/scim-tokens`)).text();
  expect(listed).toContain(mine.token.token.slice(0, 13));
  expect(listed).not.toContain(mine.token.token);

  await replay(mine.scim, entraIdSequence, { suffix: randomUUID().slice(0, 8) });
  await replay(mine.scim, oktaSequence, { suffix: randomUUID().slice(0, 8) });

  const email = `scim-${randomUUID()}@example.test`;
  const user = (await (
    await mine.scim.post("/scim/v2/Users", { data: JSON.stringify({ userName: email, emails: [{ value: email }] }) })
  ).json()) as { id: string };
  expect((await theirs.scim.get(`/scim/v2/Users/${user.id}`)).status()).toBe(404);
  expect((await theirs.scim.delete(`/scim/v2/Users/${user.id}`)).status()).toBe(404);

  expect((await owner.delete(`/api/v1/organizations/${mine.organizationId}/scim-tokens/${mine.token.id}`)).status()).toBe(204);
  const revoked = await mine.scim.get(`/scim/v2/Users/${user.id}`);
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });

  // Every change shows in the organization's audit log with the token as the actor.
  const audit = (await (await owner.get(`/api/v1/organizations/${mine.organizationId}/audit-events?action=scim.user_created`)).json()) as {
    data: { actorType: string; actorEmail: string }[];
  };
  expect(audit.data.length).toBeGreaterThanOrEqual(3);
  for (const event of audit.data) expect(event).toMatchObject({ actorType: "scim_token", actorEmail: "Identity provider" });
});
