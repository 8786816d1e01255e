import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { entraIdSequence } from "@/tests/fixtures/scim-entra-id-sequence";
import { oktaSequence } from "@/tests/fixtures/scim-okta-sequence";
import { fillIn, valueAt, type ScimStep } from "@/tests/fixtures/scim-step";
import { api, loadRoutes } from "@/tests/support/api";
import { sessionCookie } from "@/tests/support/callers";
import { uniqueDomain } from "@/tests/support/domains";
import { actorFor, createUser } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";
import type { Credentials } from "@/tests/support/route-call";
import { scimRequest } from "@/tests/support/scim";
import { withPrivateDatabase } from "@/tests/support/private-database";

// The provider sequences' domains (contoso.example, okta.local) are verified here, and a
// verified domain belongs to one organization in the whole database.
vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

/** An organization of the owner, and a SCIM client holding a token of it, made over the API. */
async function organizationWithScimToken(owner: { actor: Actor; as: Credentials }) {
  const organization = await createOrganizationFor(owner.actor, "Directory");
  const created = await api("POST", `/api/v1/organizations/${organization.id}/scim-tokens`, {
    as: owner.as,
    body: { name: "Identity provider" },
  });
  expect(created.status).toBe(201);
  const token = created.body as { id: string; token: string };
  const scim = (method: string, path: string, body?: unknown) => scimRequest(token.token, method, path, body);
  return { organizationId: organization.id, token, scim };
}

/**
 * The owner claims the organization's domains and the installation's superadmin vouches
 * for them ({"trust": true}): a directory manages only addresses there, and there is no
 * DNS to prove them with. The owner may not vouch.
 */
async function verifyDomains(owner: Credentials, organizationId: string, domains: string[]) {
  const superadmin = { cookie: (await sessionCookie((await createUser({ role: "superadmin" })).user)).cookie };
  const base = `/api/v1/organizations/${organizationId}/domains`;
  const invalid = await api("POST", base, { as: owner, body: { domain: "192.0.2.1" } });
  expect(invalid.status).toBe(422);
  expect(invalid.body).toMatchObject({ errors: [{ field: "domain", message: "Enter a domain name, not an IP address." }] });
  for (const domain of domains) {
    const added = await api("POST", base, { as: owner, body: { domain } });
    expect(added.status).toBe(201);
    const { id, record } = added.body as { id: string; record: { name: string } };
    expect(record.name).toBe(`_usermanager-challenge.${domain}`);
    const verify = `${base}/${id}/verify`;
    expect((await api("POST", verify, { as: owner, body: { trust: true } })).status).toBe(403);
    expect((await api("POST", verify, { as: superadmin, body: { trust: true } })).body).toMatchObject({ status: "verified" });
  }
}

async function replay(scim: (method: string, path: string, body?: unknown) => ReturnType<typeof scimRequest>, sequence: ScimStep[]) {
  const values: Record<string, string> = { suffix: randomUUID().slice(0, 8) };
  for (const step of sequence) {
    const filled = fillIn(step, values);
    const response = await scim(filled.method, filled.path, filled.body);
    expect({ step: step.name, status: response.status }).toEqual({ step: step.name, status: filled.expect.status });
    if (response.status !== 204) expect(response.headers.get("content-type"), step.name).toBe("application/scim+json");
    if (filled.expect.body) expect(response.body, step.name).toMatchObject(filled.expect.body);
    for (const [name, path] of Object.entries(filled.capture ?? {})) values[name] = String(valueAt(response.body, path));
  }
}

describe("SCIM provisioning through the route handlers", () => {
  beforeAll(loadRoutes);

  // One owner's two organizations, set up over the API: the directory's domains verified
  // in the first only (the sequences' domains can be verified once in a database).
  let owner: { actor: Actor; as: Credentials };
  let mine: Awaited<ReturnType<typeof organizationWithScimToken>>;
  let theirs: Awaited<ReturnType<typeof organizationWithScimToken>>;
  let ownDomain: string;
  beforeAll(async () => {
    const { user } = await createUser();
    const session = await sessionCookie(user);
    owner = { actor: actorFor(user, session.sessionId), as: { cookie: session.cookie } };
    mine = await organizationWithScimToken(owner);
    theirs = await organizationWithScimToken(owner);
    ownDomain = uniqueDomain("scim");
    await verifyDomains(owner.as, mine.organizationId, ["contoso.example", "okta.local", ownDomain]);
  });

  it("shows a token's secret once: the list has only its prefix", async () => {
    const listed = (await api("GET", `/api/v1/organizations/${mine.organizationId}/scim-tokens`, { as: owner.as })).text;
    expect(listed).toContain(mine.token.token.slice(0, 13));
    expect(listed).not.toContain(mine.token.token);
  });

  it("follows Microsoft Entra ID's provisioning sequence", () => replay(mine.scim, entraIdSequence));

  it("follows Okta's provisioning sequence", () => replay(mine.scim, oktaSequence));

  it("keeps each organization's directory to its own users and verified domains", async () => {
    const email = `scim-${randomUUID()}@${ownDomain}`;
    const body = { userName: email, emails: [{ value: email }] };
    const user = (await mine.scim("POST", "/scim/v2/Users", body)).body as { id: string };
    // Another organization's directory, without that domain verified, may not claim the address.
    const refused = await theirs.scim("POST", "/scim/v2/Users", body);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "403" });
    expect((await theirs.scim("GET", `/scim/v2/Users/${user.id}`)).status).toBe(404);
    expect((await theirs.scim("DELETE", `/scim/v2/Users/${user.id}`)).status).toBe(404);
  });

  it("stops a revoked token at once, and audits every change with the token as the actor", async () => {
    // A token of its own, so that revoking it leaves the other tests' directory working.
    const created = await api("POST", `/api/v1/organizations/${mine.organizationId}/scim-tokens`, {
      as: owner.as,
      body: { name: "Identity provider" },
    });
    expect(created.status).toBe(201);
    const token = created.body as { id: string; token: string };
    const users = [];
    for (let index = 0; index < 3; index++) {
      const email = `scim-${randomUUID()}@${ownDomain}`;
      const answer = await scimRequest(token.token, "POST", "/scim/v2/Users", { userName: email, emails: [{ value: email }] });
      expect(answer.status).toBe(201);
      users.push(answer.body as { id: string });
    }

    const revoke = await api("DELETE", `/api/v1/organizations/${mine.organizationId}/scim-tokens/${token.id}`, { as: owner.as });
    expect(revoke.status).toBe(204);
    const revoked = await scimRequest(token.token, "GET", `/scim/v2/Users/${users[0]!.id}`);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });

    // Every change shows in the organization's audit log with the token as the actor.
    const audit = await api("GET", `/api/v1/organizations/${mine.organizationId}/audit-events?action=scim.user_created`, { as: owner.as });
    const events = (audit.body as { data: { actorType: string; actorEmail: string }[] }).data;
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const event of events) expect(event).toMatchObject({ actorType: "scim_token", actorEmail: "Identity provider" });
  });
});
