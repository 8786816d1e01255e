import { describe, expect, it, vi } from "vitest";
import { revokeApplicationAction } from "@/app/account/actions";
import { revokeUserApplicationAction } from "@/app/admin/users/[id]/actions";
import { db } from "@/lib/db";
import { callServerAction } from "@/tests/support/action-call";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { actorFor, createUser } from "@/tests/support/factories";
import { authorizationUrl, followBrowser, pkce, tokenRequest } from "@/tests/support/oidc-flow";
import { createOrganizationFor } from "@/tests/support/organizations";

// The actions refresh their page's cache, which only a Next.js server has.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const callback = "https://app.example.test/callback";

/** The user grants a first-party application API access with offline access: an access token and a refresh token. */
async function grantedApplication() {
  const { user } = await createUser();
  const { application, clientSecret } = await createApplication({ firstParty: true });
  const jar = new CookieJar((await sessionCookie(user)).cookie);
  const { verifier, challenge } = pkce();
  const start = authorizationUrl(application.clientId, { scope: "openid read offline_access", challenge, extra: { prompt: "consent" } });
  const { location } = await followBrowser(jar, start);
  const client = { clientId: application.clientId, clientSecret };
  const tokens = await tokenRequest(client, {
    grant_type: "authorization_code",
    code: location.searchParams.get("code")!,
    redirect_uri: callback,
    code_verifier: verifier,
  });
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  const { access_token: accessToken, refresh_token: refreshToken } = tokens.body as { access_token: string; refresh_token: string };
  return { user, application, client, accessToken, refreshToken };
}

const bearer = (token: string) => ({ as: { bearer: token } });

describe("the applications a person granted", () => {
  it("lists them for the person, with the scopes allowed and the last use", async () => {
    const { user, application } = await grantedApplication();
    const listed = await api("GET", "/api/v1/users/me/applications", bearer(await personalAccessToken(user, { scopes: ["read"] })));
    expect(listed.status).toBe(200);
    const [entry] = listed.body!.data as Array<Record<string, unknown>>;
    expect(entry).toMatchObject({ clientId: application.clientId, name: application.name });
    expect(entry!.scopes).toEqual(expect.arrayContaining(["openid", "offline_access", "read"]));
    expect(Date.parse(String(entry!.lastUsedAt))).toBeGreaterThanOrEqual(Date.parse(String(entry!.grantedAt)));
    // The first test of the file also loads the provider and the routes.
  }, 90_000);

  it("revoking stops the application's access and refresh tokens at once, and is audited", async () => {
    const { user, application, client, accessToken, refreshToken } = await grantedApplication();
    expect((await api("GET", "/api/v1/users/me", bearer(accessToken))).status).toBe(200);

    const pat = await personalAccessToken(user);
    const revoked = await api("DELETE", `/api/v1/users/me/applications/${application.clientId}`, bearer(pat));
    expect(revoked.status).toBe(204);

    expect((await api("GET", "/api/v1/users/me", bearer(accessToken))).status).toBe(401);
    const refreshed = await tokenRequest(client, { grant_type: "refresh_token", refresh_token: refreshToken });
    expect(refreshed.status).toBe(400);
    expect(refreshed.body).toMatchObject({ error: "invalid_grant" });
    expect((await api("GET", "/api/v1/users/me/applications", bearer(pat))).body).toEqual({ data: [] });
    expect(await db().auditEvent.count({ where: { action: "oidc.grant_revoked", actorId: user.id } })).toBe(1);
    // Nothing left to revoke.
    expect((await api("DELETE", `/api/v1/users/me/applications/${application.clientId}`, bearer(pat))).status).toBe(404);
  });

  it("lets an administrator see and revoke a user's grants", async () => {
    const { user, application, accessToken } = await grantedApplication();
    const { user: admin } = await createUser({ role: "superadmin" });
    const adminToken = await personalAccessToken(admin);
    const listed = await api("GET", `/api/v1/users/${user.id}/applications`, bearer(adminToken));
    expect(listed.status).toBe(200);
    expect((listed.body!.data as Array<{ clientId: string }>).map((entry) => entry.clientId)).toEqual([application.clientId]);

    const revoked = await api("DELETE", `/api/v1/users/${user.id}/applications/${application.clientId}`, bearer(adminToken));
    expect(revoked.status).toBe(204);
    expect((await api("GET", "/api/v1/users/me", bearer(accessToken))).status).toBe(401);
  });

  it("revokes from the account page and the admin user page, as the API does", async () => {
    const own = await grantedApplication();
    const ownSession = await sessionCookie(own.user);
    const state = await callServerAction(revokeApplicationAction, { clientId: own.application.clientId }, { cookie: ownSession.cookie });
    expect(state.success, JSON.stringify(state)).toBeTruthy();
    expect((await api("GET", "/api/v1/users/me", bearer(own.accessToken))).status).toBe(401);

    const other = await grantedApplication();
    const { user: admin } = await createUser({ role: "superadmin" });
    const adminState = await callServerAction(
      revokeUserApplicationAction,
      { userId: other.user.id, clientId: other.application.clientId },
      { cookie: (await sessionCookie(admin)).cookie },
    );
    expect(adminState.success, JSON.stringify(adminState)).toBeTruthy();
    expect((await api("GET", "/api/v1/users/me", bearer(other.accessToken))).status).toBe(401);
  });

  describe("from the attacker's side", () => {
    it("another user can neither list nor revoke someone's grants", async () => {
      const { user, application, accessToken } = await grantedApplication();
      const { user: other } = await createUser();
      const token = await personalAccessToken(other);
      expect((await api("GET", `/api/v1/users/${user.id}/applications`, bearer(token))).status).toBe(403);
      expect((await api("DELETE", `/api/v1/users/${user.id}/applications/${application.clientId}`, bearer(token))).status).toBe(403);
      // Their own list does not show it, and their own revoke does not reach it.
      expect((await api("GET", "/api/v1/users/me/applications", bearer(token))).body).toEqual({ data: [] });
      expect((await api("DELETE", `/api/v1/users/me/applications/${application.clientId}`, bearer(token))).status).toBe(404);
      expect((await api("GET", "/api/v1/users/me", bearer(accessToken))).status).toBe(200);
    });

    it("a read-only token, a token limited to an organization and a view-as session cannot revoke", async () => {
      const { user, application, accessToken } = await grantedApplication();
      const organization = await createOrganizationFor(actorFor(user));
      const readOnly = await personalAccessToken(user, { scopes: ["read"] });
      const orgLimited = await personalAccessToken(user, { organizationId: organization.id });
      const path = `/api/v1/users/me/applications/${application.clientId}`;
      expect((await api("DELETE", path, bearer(readOnly))).status).toBe(403);
      expect((await api("DELETE", path, bearer(orgLimited))).status).toBe(403);
      expect((await api("GET", "/api/v1/users/me/applications", bearer(orgLimited))).status).toBe(403);

      const { user: administrator } = await createUser({ role: "admin" });
      const adminSession = await sessionCookie(administrator);
      const view = await sessionCookie(user, { impersonator: { id: administrator.id, sessionId: adminSession.sessionId } });
      expect((await api("GET", "/api/v1/users/me/applications", { as: { cookie: view.cookie } })).status).toBe(200);
      const refused = await api("DELETE", path, { as: { cookie: view.cookie } });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: "view_as_read_only" });
      const viewState = await callServerAction(revokeApplicationAction, { clientId: application.clientId }, { cookie: view.cookie });
      expect(viewState.code).toBe("view_as_read_only");
      expect((await api("GET", "/api/v1/users/me", bearer(accessToken))).status).toBe(200);
    });
  });
});
