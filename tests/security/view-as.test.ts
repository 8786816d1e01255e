import { describe, expect, it } from "vitest";
import type { GlobalRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { startImpersonation } from "@/lib/services/impersonation/start-impersonation";
import { viewAsUserAction } from "@/app/admin/users/[id]/actions";
import { api } from "@/tests/support/api";
import { callServerAction } from "@/tests/support/action-call";
import { withIncomingRequest } from "@/tests/support/next-headers";
import { cookieFor, sessionCookie } from "@/tests/support/callers";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

/** An administrator signed in just now, viewing as a new user: the view's cookie, and the administrator's own. */
async function viewing(adminRole: GlobalRole = "admin", targetRole: GlobalRole = "user") {
  const { user: admin } = await createUser({ role: adminRole });
  const own = await sessionCookie(admin);
  const { user, password } = await createUser({ role: targetRole });
  const adminActor = { ...actorFor(admin), sessionId: own.sessionId };
  const started = await startImpersonation({ actor: adminActor, userId: user.id });
  return { admin, adminActor, own, user, password, started, view: { cookie: await cookieFor(started.sessionToken) } };
}

describe("a view as someone only looks", () => {
  it("refuses the user's password, email, factors, passkeys, sessions, tokens and confirmation, even with the right password", async () => {
    const { user, password, view } = await viewing();
    const attempts: [string, string, string, unknown?][] = [
      ["password", "PATCH", "/api/v1/users/me/password", { currentPassword: password, newPassword: "taken over passphrase" }],
      ["email", "POST", "/api/v1/users/me/email", { newEmail: uniqueEmail(), password }],
      ["factors", "GET", "/api/v1/users/me/mfa"],
      ["totp", "POST", "/api/v1/users/me/mfa/totp", {}],
      ["recovery codes", "POST", "/api/v1/users/me/mfa/recovery-codes", {}],
      ["passkey registration", "POST", "/api/v1/users/me/mfa/passkeys/registration-options", {}],
      ["sessions", "GET", "/api/v1/users/me/sessions"],
      ["tokens", "GET", "/api/v1/users/me/tokens"],
      ["new token", "POST", "/api/v1/users/me/tokens", { name: "CI", scopes: ["read"], expiresInDays: 1, password }],
      ["confirmation", "POST", "/api/v1/users/me/verify", { password }],
      ["own name", "PATCH", "/api/v1/users/me", { name: "Renamed by the viewer" }],
    ];
    for (const [what, method, path, body] of attempts) {
      const answer = await api(method, path, { as: view, body });
      expect({ what, status: answer.status, code: answer.body?.code }).toEqual({ what, status: 403, code: "view_as_read_only" });
    }
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBeNull();
  });

  it("still lets the view read what the user sees, and stop", async () => {
    const { user, view } = await viewing();
    expect((await api("GET", "/api/v1/users/me", { as: view })).body).toMatchObject({ id: user.id });
    expect((await api("GET", "/api/v1/organizations", { as: view })).status).toBe(200);
  });

  // Reproduced in review: an admin viewing as an organization's owner invited their own
  // address as owner (202) and accepted it with their own token, and registered a webhook.
  it("cannot invite, add members, register a webhook or change the organization of the user it views", async () => {
    const { user, view, admin } = await viewing();
    const organization = await createOrganizationFor(actorFor(user));
    const base = `/api/v1/organizations/${organization.id}`;
    const attempts: [string, string, unknown][] = [
      ["POST", `${base}/invitations`, { email: admin.email, role: "owner" }],
      ["POST", `${base}/members`, { email: admin.email, role: "owner" }],
      ["POST", `${base}/webhooks`, { url: "https://hooks.example.com/in", eventTypes: ["member.added"] }],
      ["PATCH", base, { name: "Taken" }],
      ["POST", `${base}/scim-tokens`, { name: "Directory" }],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await api(method, path, { as: view, body });
      expect({ path, status: answer.status, code: answer.body?.code }).toEqual({ path, status: 403, code: "view_as_read_only" });
    }
    expect(await db().invitation.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db().webhookEndpoint.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db().membership.count({ where: { organizationId: organization.id } })).toBe(1);
  });
});

describe("a view ends with the viewer's standing", () => {
  it("ends when the viewer is signed out everywhere", async () => {
    const { admin, view } = await viewing();
    const { user: superadmin } = await createUser({ role: "superadmin" });
    const revoked = await api("POST", `/api/v1/users/${admin.id}/sessions/revoke`, {
      as: { cookie: (await sessionCookie(superadmin)).cookie },
    });
    expect(revoked.status).toBe(200);
    expect((await api("GET", "/api/v1/users/me", { as: view })).status).toBe(401);
  });

  it("ends when the viewer signs out, or their own session ends any other way", async () => {
    const { own, view, started } = await viewing();
    await db().session.delete({ where: { id: own.sessionId } });
    expect(await findSessionActor(started.sessionToken)).toBeNull();
    expect((await api("GET", "/api/v1/users/me", { as: view })).status).toBe(401);
  });

  it("ends when the viewer is demoted, or no longer ranks above the user", async () => {
    const demoted = await viewing();
    await db().user.update({ where: { id: demoted.admin.id }, data: { role: "user" } });
    expect((await api("GET", "/api/v1/users/me", { as: demoted.view })).status).toBe(401);

    const promoted = await viewing();
    await db().user.update({ where: { id: promoted.user.id }, data: { role: "admin" } });
    expect((await api("GET", "/api/v1/users/me", { as: promoted.view })).status).toBe(401);
  });

  it("ends when the viewer is disabled", async () => {
    const { admin, view } = await viewing();
    await db().user.update({ where: { id: admin.id }, data: { status: "disabled" } });
    expect((await api("GET", "/api/v1/users/me", { as: view })).status).toBe(401);
  });
});

describe("starting a view", () => {
  it("asks for a fresh confirmation first", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    const stale = await sessionCookie(admin, { verifiedMinutesAgo: 60 });
    const state = await callServerAction(viewAsUserAction, { userId: user.id }, stale);
    expect(state).toMatchObject({ code: "reauthentication_required", stepUp: "password" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("is refused from inside a view", async () => {
    const { view } = await viewing("superadmin", "admin");
    const { user: other } = await createUser();
    const state = await callServerAction(viewAsUserAction, { userId: other.id }, view);
    expect(state.code).toBe("view_as_read_only");
    expect(await db().session.count({ where: { userId: other.id } })).toBe(0);
  });

  it("records the administrator's own session, which the view cannot outlive", async () => {
    const { started, own } = await viewing();
    const row = await db().session.findFirstOrThrow({ where: { expires: started.expires, impersonatorSessionId: own.sessionId } });
    expect(row.impersonatorSessionId).toBe(own.sessionId);
  });
});

describe("the audit of a view", () => {
  // Reproduced in review: the browser's calls to Auth.js's session endpoint during a view went unrecorded.
  it("records Auth.js's session endpoint like every other request of the view", async () => {
    const { view, started, user } = await viewing();
    const { GET } = await import("@/lib/session/handlers");
    const { NextRequest } = await import("next/server");
    const request = new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: view.cookie } });
    const { result: response } = await withIncomingRequest(request.headers, () => GET(request));
    expect(((await response.json()) as { actor?: { userId: string } }).actor?.userId).toBe(user.id);
    const session = await db().session.findFirstOrThrow({ where: { expires: started.expires, userId: user.id } });
    const recorded = await db().auditEvent.findFirst({ where: { action: "impersonation.request", targetId: session.id } });
    expect(recorded?.after).toMatchObject({ method: "GET", path: "/api/auth/session" });
  });
});
