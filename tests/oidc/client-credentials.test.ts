import { beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { db } from "@/lib/db";
import { api } from "@/tests/support/api";
import { personalAccessToken } from "@/tests/support/callers";
import { createApplication } from "@/tests/support/applications";
import { actorFor, createUser } from "@/tests/support/factories";
import { tokenRequest, warmUpProvider } from "@/tests/support/oidc-flow";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

beforeAll(warmUpProvider);

/** A machine application's access token for the API, by the client credentials grant. */
async function machineToken(client: { clientId: string; clientSecret: string | null }, scope = "read write") {
  const answer = await tokenRequest(client, { grant_type: "client_credentials", scope });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return String(answer.body!.access_token);
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("a service signs in as itself (client credentials)", () => {
  it("gets an API token (RFC 9068) naming itself, which /api/v1 accepts with its scopes", async () => {
    const { application, clientSecret } = await createApplication({ kind: "machine" });
    const token = await machineToken({ clientId: application.clientId, clientSecret });
    expect(decodeJwt(token)).toMatchObject({
      sub: application.clientId,
      client_id: application.clientId,
      aud: "http://localhost:3000/api/v1",
    });

    const users = await api("GET", "/api/v1/users?limit=1", bearer(token));
    expect(users.status, JSON.stringify(users.body)).toBe(200);
  });

  it("is the actor of what it changes, in the audit log", async () => {
    const { application, clientSecret } = await createApplication({ kind: "machine" });
    const token = await machineToken({ clientId: application.clientId, clientSecret });
    const { user } = await createUser();
    const renamed = await api("PATCH", `/api/v1/users/${user.id}`, { ...bearer(token), body: { name: "Renamed by a service" } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const event = await db().auditEvent.findFirst({ where: { action: "user.updated", targetId: user.id }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({ actorType: "application", actorId: application.id });
  });

  it("gets only the scopes its registration allows", async () => {
    const { application, clientSecret } = await createApplication({ kind: "machine", scopes: ["read"] });
    const refused = await tokenRequest(
      { clientId: application.clientId, clientSecret },
      { grant_type: "client_credentials", scope: "write" },
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: "invalid_scope" });

    const token = await machineToken({ clientId: application.clientId, clientSecret }, "read");
    const { user } = await createUser();
    const change = await api("PATCH", `/api/v1/users/${user.id}`, { ...bearer(token), body: { name: "x" } });
    expect(change.status).toBe(403);
  });

  describe("from the attacker's side", () => {
    it("refuses a wrong secret, and a client that is not a machine", async () => {
      const { application } = await createApplication({ kind: "machine" });
      const wrong = await tokenRequest(
        { clientId: application.clientId, clientSecret: "umcs_wrong" },
        { grant_type: "client_credentials" },
      );
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ error: "invalid_client" });

      const web = await createApplication({ kind: "web" });
      const notMachine = await tokenRequest(
        { clientId: web.application.clientId, clientSecret: web.clientSecret },
        { grant_type: "client_credentials" },
      );
      expect(notMachine.body).toMatchObject({ error: "unauthorized_client" });
    });

    it("an organization's service reaches its own organization only, and no global API", async () => {
      const { user: owner } = await createUser();
      const own = await createOrganizationFor(actorFor(owner));
      const other = await createOrganizationFor(actorFor(owner), "Another organization");
      const { user: member } = await createUser();
      await addMembership(own.id, member.id, "member");
      const { application, clientSecret } = await createApplication({ kind: "machine", organizationId: own.id });
      const token = await machineToken({ clientId: application.clientId, clientSecret });
      expect(decodeJwt(token)).toMatchObject({ org: own.id });

      const members = await api("GET", `/api/v1/organizations/${own.id}/members`, bearer(token));
      expect(members.status, JSON.stringify(members.body)).toBe(200);
      // Another organization is "not found", as it is to every token limited to one organization,
      // so its id reveals nothing (authorize-organization.ts).
      const elsewhere = await api("GET", `/api/v1/organizations/${other.id}/members`, bearer(token));
      expect(elsewhere.status).toBe(404);
      const ownersToken = await personalAccessToken(owner, { organizationId: own.id });
      const sameForTokens = await api("GET", `/api/v1/organizations/${other.id}/members`, { as: { bearer: ownersToken } });
      expect(sameForTokens.status).toBe(404);
      const global = await api("GET", "/api/v1/users", bearer(token));
      expect(global.status).toBe(403);
      expect(global.body).toMatchObject({ code: "organization_token_refused" });
    });

    it("has no account of its own: account endpoints refuse it", async () => {
      const { application, clientSecret } = await createApplication({ kind: "machine" });
      const token = await machineToken({ clientId: application.clientId, clientSecret });
      const me = await api("GET", "/api/v1/users/me", bearer(token));
      expect(me.status).toBe(403);
    });

    it("disabling the application stops its tokens at once", async () => {
      const { application, clientSecret } = await createApplication({ kind: "machine" });
      const token = await machineToken({ clientId: application.clientId, clientSecret });
      await db().application.update({ where: { id: application.id }, data: { disabledAt: new Date() } });
      const refused = await api("GET", "/api/v1/users", bearer(token));
      expect(refused.status).toBe(401);
      const noMore = await tokenRequest({ clientId: application.clientId, clientSecret }, { grant_type: "client_credentials" });
      expect(noMore.body).toMatchObject({ error: "invalid_client" });
    });

    it("a secret rotated away works only through the overlap", async () => {
      const { application, clientSecret } = await createApplication({ kind: "machine" });
      const during = { previousSecretHash: application.secretHash, secretHash: "0".repeat(64) };
      await db().application.update({
        where: { id: application.id },
        data: { ...during, previousSecretExpiresAt: new Date(Date.now() + 60_000) },
      });
      await machineToken({ clientId: application.clientId, clientSecret });
      await db().application.update({ where: { id: application.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
      const after = await tokenRequest({ clientId: application.clientId, clientSecret }, { grant_type: "client_credentials" });
      expect(after.status).toBe(401);
    });
  });
});
