import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, hasRoute } from "@/tests/support/api";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { actorFor, createUser } from "@/tests/support/factories";
import { tokenRequest } from "@/tests/support/oidc-flow";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

// Loading every route file once takes longer than a test may wait on a busy machine.
beforeAll(() => hasRoute("GET", "/api/v1/health"), 120_000);

const web = { kind: "web", name: "Intranet", redirectUris: ["https://intranet.example.test/callback"] };
const machine = { kind: "machine", name: "Nightly sync", scopes: ["read"] };

async function freshSession(role: "user" | "admin" | "superadmin" = "user") {
  const { user } = await createUser({ role });
  return { user, as: { cookie: (await sessionCookie(user)).cookie } };
}

/** An organization with an owner, an admin and a plain member, each with a fresh session. */
async function organization() {
  const owner = await freshSession();
  const { id } = await createOrganizationFor(actorFor(owner.user));
  const admin = await freshSession();
  const member = await freshSession();
  await addMembership(id, admin.user.id, "admin");
  await addMembership(id, member.user.id, "member");
  return { id, owner, admin, member, base: `/api/v1/organizations/${id}/applications` };
}

const clientCredentials = (clientId: string, clientSecret: string) =>
  tokenRequest({ clientId, clientSecret }, { grant_type: "client_credentials", scope: "read" });

describe("registering applications", () => {
  it("registers a web application with a secret shown once, and never shows it again", async () => {
    const { as } = await freshSession("superadmin");
    const created = await api("POST", "/api/v1/applications", { as, body: web });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.body).toMatchObject({ kind: "web", tokenEndpointAuthMethod: "client_secret_basic", organizationId: null });
    expect(String(created.body!.clientSecret)).toMatch(/^umcs_/);
    expect(created.body!.scopes).toEqual(["openid", "profile", "email"]);

    const read = await api("GET", `/api/v1/applications/${String(created.body!.id)}`, { as });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(String(created.body!.clientSecret));
    const event = await db().auditEvent.findFirst({ where: { action: "application.created", targetId: String(created.body!.id) } });
    expect(JSON.stringify(event)).not.toContain(String(created.body!.clientSecret));
  });

  it("gives a browser or native app no secret: it is a public client using PKCE", async () => {
    const { as } = await freshSession("superadmin");
    const spa = await api("POST", "/api/v1/applications", { as, body: { ...web, kind: "spa" } });
    expect(spa.body).toMatchObject({ tokenEndpointAuthMethod: "none", clientSecret: null });
    const native = await api("POST", "/api/v1/applications", {
      as,
      body: { kind: "native", name: "CLI", redirectUris: ["com.example.cli:/callback", "http://127.0.0.1/callback"] },
    });
    expect(native.status, JSON.stringify(native.body)).toBe(201);
    const rotate = await api("POST", `/api/v1/applications/${String(native.body!.id)}/rotate-secret`, { as });
    expect(rotate.status).toBe(409);
  });

  it("hands a machine application a secret the token endpoint accepts, and a rotation keeps the old one for a while", async () => {
    const { as } = await freshSession("superadmin");
    const created = await api("POST", "/api/v1/applications", { as, body: machine });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = String(created.body!.clientId);
    const first = String(created.body!.clientSecret);
    expect((await clientCredentials(clientId, first)).status).toBe(200);

    const rotated = await api("POST", `/api/v1/applications/${String(created.body!.id)}/rotate-secret`, { as });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const second = String(rotated.body!.clientSecret);
    expect(second).not.toBe(first);
    expect(rotated.body!.previousSecretExpiresAt).not.toBeNull();
    expect((await clientCredentials(clientId, second)).status).toBe(200);
    expect((await clientCredentials(clientId, first)).status).toBe(200);
  });

  it("stops a disabled application's tokens at once, and a deleted one's", async () => {
    const { as } = await freshSession("superadmin");
    const created = await api("POST", "/api/v1/applications", { as, body: { ...machine, scopes: ["read"] } });
    const path = `/api/v1/applications/${String(created.body!.id)}`;
    const issued = await clientCredentials(String(created.body!.clientId), String(created.body!.clientSecret));
    const bearer = { bearer: String(issued.body!.access_token) };
    expect((await api("GET", "/api/v1/users?limit=1", { as: bearer })).status).toBe(200);

    const disabled = await api("PATCH", path, { as, body: { enabled: false } });
    expect(disabled.body).toMatchObject({ enabled: false });
    expect((await api("GET", "/api/v1/users?limit=1", { as: bearer })).status).toBe(401);
    expect((await clientCredentials(String(created.body!.clientId), String(created.body!.clientSecret))).status).toBe(401);

    await api("PATCH", path, { as, body: { enabled: true } });
    expect((await api("GET", "/api/v1/users?limit=1", { as: bearer })).status).toBe(200);
    expect((await api("DELETE", path, { as })).status).toBe(204);
    expect((await api("GET", "/api/v1/users?limit=1", { as: bearer })).status).toBe(401);
    expect((await api("GET", path, { as })).status).toBe(404);
  });

  it("refuses redirect URIs that are not matched exactly or could leak a code, naming the field", async () => {
    const { as } = await freshSession("superadmin");
    const refused = [
      "https://app.example.test/callback#fragment",
      "https://*.example.test/callback",
      "http://app.example.test/callback",
      "javascript:alert(1)",
      "com.example.app:/callback",
      "/relative/callback",
    ];
    for (const uri of refused) {
      const answer = await api("POST", "/api/v1/applications", { as, body: { ...web, redirectUris: [uri] } });
      expect(answer.status, uri).toBe(422);
      expect(JSON.stringify(answer.body), uri).toMatch(/redirectUris/);
    }
    const noRedirect = await api("POST", "/api/v1/applications", { as, body: { kind: "web", name: "x" } });
    expect(noRedirect.status).toBe(422);
    const machineWithRedirect = await api("POST", "/api/v1/applications", { as, body: { ...machine, redirectUris: web.redirectUris } });
    expect(machineWithRedirect.status).toBe(422);
    const machineWithOpenid = await api("POST", "/api/v1/applications", { as, body: { ...machine, scopes: ["openid", "read"] } });
    expect(JSON.stringify(machineWithOpenid.body)).toMatch(/scopes/);
  });
});

describe("an organization's applications", () => {
  it("are registered by its owners and admins, refused to members and hidden from outsiders", async () => {
    const org = await organization();
    expect((await api("POST", org.base, { as: org.owner.as, body: web })).status).toBe(201);
    expect((await api("POST", org.base, { as: org.admin.as, body: machine })).status).toBe(201);
    expect((await api("POST", org.base, { as: org.member.as, body: web })).status).toBe(403);
    expect((await api("GET", org.base, { as: org.member.as })).status).toBe(403);
    const outsider = await freshSession();
    expect((await api("GET", org.base, { as: outsider.as })).status).toBe(404);
    const listed = await api("GET", org.base, { as: org.owner.as });
    expect((listed.body!.data as unknown[]).length).toBe(2);
  });

  it("may not skip people's consent: only the installation's applications are first-party", async () => {
    const org = await organization();
    const answer = await api("POST", org.base, { as: org.owner.as, body: { ...web, firstParty: true } });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toMatch(/firstParty/);
  });
});

describe("from the attacker's side", () => {
  it("keeps global applications to superadmins: an administrator and an organization owner are refused", async () => {
    const admin = await freshSession("admin");
    expect((await api("POST", "/api/v1/applications", { as: admin.as, body: web })).status).toBe(403);
    const org = await organization();
    expect((await api("GET", "/api/v1/applications", { as: org.owner.as })).status).toBe(403);
  });

  it("refuses a token limited to one organization on another's applications and on global ones", async () => {
    const mine = await organization();
    const theirs = await organization();
    const { user: superadmin } = await createUser({ role: "superadmin" });
    await addMembership(mine.id, superadmin.id, "owner");
    const limited = { bearer: await personalAccessToken(superadmin, { organizationId: mine.id }) };
    // Another organization is out of the token's sight altogether, as for any caller who cannot see it.
    expect((await api("GET", theirs.base, { as: limited })).status).toBe(404);
    expect((await api("POST", theirs.base, { as: limited, body: web })).status).toBe(404);
    for (const method of ["GET", "POST"]) {
      const answer = await api(method, "/api/v1/applications", { as: limited, body: method === "POST" ? web : undefined });
      expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: 403, code: "organization_token_refused" });
    }
    expect((await api("GET", mine.base, { as: limited })).status).toBe(200);
  });

  it("asks a session for a recent confirmation before registering, changing or rotating", async () => {
    const { user } = await createUser({ role: "superadmin" });
    const stale = { cookie: (await sessionCookie(user, { verifiedMinutesAgo: 60 })).cookie };
    const answer = await api("POST", "/api/v1/applications", { as: stale, body: web });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "reauthentication_required" });

    const fresh = { cookie: (await sessionCookie(user)).cookie };
    const created = await api("POST", "/api/v1/applications", { as: fresh, body: web });
    const change = await api("PATCH", `/api/v1/applications/${String(created.body!.id)}`, {
      as: stale,
      body: { redirectUris: ["https://attacker.example.test/callback"] },
    });
    expect(change.status).toBe(403);
    const rotate = await api("POST", `/api/v1/applications/${String(created.body!.id)}/rotate-secret`, { as: stale });
    expect(rotate.status).toBe(403);
  });

  it("refuses a view-as session any change", async () => {
    const { user: viewer } = await createUser({ role: "superadmin" });
    const viewerSession = await sessionCookie(viewer);
    const org = await organization();
    const view = {
      cookie: (await sessionCookie(org.owner.user, { impersonator: { id: viewer.id, sessionId: viewerSession.sessionId } })).cookie,
    };
    const answer = await api("POST", org.base, { as: view, body: web });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "view_as_read_only" });
    expect((await api("GET", org.base, { as: view })).status).toBe(200);
  });
});
