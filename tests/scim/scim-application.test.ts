import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scimUrn } from "@/lib/scim/schema-urns";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { tokenRequest, warmUpProvider } from "@/tests/support/oidc-flow";
import { organizationWithScimToken, scimRequest } from "@/tests/support/scim";

beforeAll(warmUpProvider);

/** An organization's machine application registered with `scopes`, and its client-credentials token for `scope`. */
async function serviceToken(organizationId: string, scopes: string[], scope = scopes.join(" ")) {
  const { application, clientSecret } = await createApplication({ kind: "machine", organizationId, scopes });
  const answer = await tokenRequest({ clientId: application.clientId, clientSecret }, { grant_type: "client_credentials", scope });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { application, token: String(answer.body!.access_token) };
}

const userBody = (email: string) => ({ schemas: [scimUrn.user], userName: email, emails: [{ value: email, primary: true }] });

describe("an organization's machine application provisions over SCIM with the scim scope", () => {
  it("lists and provisions users of its organization, and the audit log names the application", async () => {
    const { organization, address } = await organizationWithScimToken();
    const { application, token } = await serviceToken(organization.id, ["scim"]);
    const email = address("provisioned");
    const created = await scimRequest(token, "POST", "/scim/v2/Users", userBody(email));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const listed = await scimRequest(token, "GET", "/scim/v2/Users");
    expect(listed.body.Resources!.map((user) => user.userName)).toContain(email);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "scim.user_created", organizationId: organization.id } });
    expect(event).toMatchObject({ actorId: application.id, actorEmail: application.name, actorType: "application" });
  });

  describe("from the attacker's side", () => {
    it("refuses a token without scim, the scim token at the API, another organization's service, and a disabled one at once", async () => {
      const { organization, address } = await organizationWithScimToken();
      const readOnly = await serviceToken(organization.id, ["read"]);
      expect((await scimRequest(readOnly.token, "GET", "/scim/v2/Users")).status).toBe(401);

      const { application, token } = await serviceToken(organization.id, ["scim"]);
      expect((await api("GET", "/api/v1/users", { as: { bearer: token } })).status).toBe(403);

      const elsewhere = await organizationWithScimToken();
      const theirs = await serviceToken(elsewhere.organization.id, ["scim"]);
      await scimRequest(token, "POST", "/scim/v2/Users", userBody(address("mine")));
      expect((await scimRequest(theirs.token, "GET", "/scim/v2/Users")).body).toMatchObject({ totalResults: 0 });

      await db().application.update({ where: { id: application.id }, data: { disabledAt: new Date() } });
      expect((await scimRequest(token, "GET", "/scim/v2/Users")).status).toBe(401);
    });

    it("registers scim only for an organization's machine application", async () => {
      const { user: superadmin } = await createUser({ role: "superadmin" });
      const as = { cookie: (await sessionCookie(superadmin)).cookie };
      const { organization } = await organizationWithScimToken();
      const register = (path: string, body: object) => api("POST", path, { as, body: { name: "Directory sync", ...body } });
      expect((await register("/api/v1/applications", { kind: "machine", scopes: ["scim"] })).status).toBe(422);
      const organizationPath = `/api/v1/organizations/${organization.id}/applications`;
      expect(
        (await register(organizationPath, { kind: "web", redirectUris: ["https://app.example.test/cb"], scopes: ["openid", "scim"] }))
          .status,
      ).toBe(422);
      const service = await register(organizationPath, { kind: "machine", scopes: ["scim"] });
      expect(service.status, JSON.stringify(service.body)).toBe(201);
    });
  });
});
