import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { GlobalRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { endSession } from "@/lib/services/auth/end-session";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { findOwnImpersonations } from "@/lib/services/impersonation/find-own-impersonations";
import { recordImpersonatedRequest } from "@/lib/services/impersonation/record-impersonated-request";
import { startImpersonation } from "@/lib/services/impersonation/start-impersonation";
import { stopImpersonation } from "@/lib/services/impersonation/stop-impersonation";
import { updateCurrentUser } from "@/lib/services/users/update-current-user";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser, freshSessionActor } from "@/tests/support/factories";

async function administrator(role: GlobalRole = "admin") {
  const { user } = await createUser({ role });
  return { user, actor: await freshSessionActor(user) };
}

/** An administrator of the given role viewing as a new user of the given role: the actor the "view as" cookie resolves to. */
async function viewing(adminRole: GlobalRole = "admin", targetRole: GlobalRole = "user") {
  const admin = await administrator(adminRole);
  const { user, password } = await createUser({ role: targetRole });
  const started = await startImpersonation({ actor: admin.actor, userId: user.id });
  const actor = await findSessionActor(started.sessionToken);
  if (!actor) throw new Error("The view-as session does not resolve.");
  return { admin, user, password, started, actor };
}

const context = () => ({ requestId: randomUUID(), ip: "203.0.113.9", userAgent: "test" });

describe("who may view as whom", () => {
  it.each([
    ["superadmin", "admin"],
    ["superadmin", "user"],
    ["admin", "user"],
  ] as const)("lets a %s view as an active %s", async (adminRole, targetRole) => {
    const { admin, user, actor } = await viewing(adminRole, targetRole);
    expect(actor).toMatchObject({ userId: user.id, role: targetRole, impersonator: { id: admin.user.id, email: admin.user.email } });
  });

  it.each([
    ["superadmin", "superadmin", "Nobody may view as a superadmin."],
    ["admin", "superadmin", "Nobody may view as a superadmin."],
    ["admin", "admin", "Only a superadmin may view as another administrator."],
  ] as const)("refuses a %s viewing as a %s", async (adminRole, targetRole, message) => {
    const admin = await administrator(adminRole);
    const { user } = await createUser({ role: targetRole });
    const error = await appErrorOf(startImpersonation({ actor: admin.actor, userId: user.id }));
    expect({ code: error.code, message: error.message }).toEqual({ code: "forbidden", message });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses oneself, a disabled user and a deleted one", async () => {
    const admin = await administrator("superadmin");
    expect((await appErrorOf(startImpersonation({ actor: admin.actor, userId: admin.user.id }))).message).toBe(
      "You cannot view as yourself.",
    );
    const { user: disabled } = await createUser({ status: "disabled" });
    expect((await appErrorOf(startImpersonation({ actor: admin.actor, userId: disabled.id }))).message).toContain("is disabled");
    const { user: deleted } = await createUser();
    await db().user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    expect((await appErrorOf(startImpersonation({ actor: admin.actor, userId: deleted.id }))).message).toContain("is deleted");
  });

  it("tells a plain user nothing about which users exist", async () => {
    const { user: caller } = await createUser();
    const { user: target } = await createUser();
    const error = await appErrorOf(startImpersonation({ actor: await freshSessionActor(caller), userId: target.id }));
    expect(error.code).toBe("not_found");
  });

  it("refuses a token, and viewing as someone else from inside a view-as session", async () => {
    const admin = await administrator("superadmin");
    const { user } = await createUser();
    const token: Actor = { ...admin.actor, via: "api_token", sessionId: null, apiTokenId: randomUUID(), scopes: ["read", "write"] };
    expect((await appErrorOf(startImpersonation({ actor: token, userId: user.id }))).message).toContain("a token cannot");

    const { actor } = await viewing("superadmin", "admin");
    const nested = await appErrorOf(startImpersonation({ actor, userId: user.id }));
    expect(nested.message).toContain("before viewing as someone else");
  });
});

describe("the view-as session", () => {
  it("ends after at most 30 minutes, and use does not extend it", async () => {
    const before = Date.now();
    const { started, actor } = await viewing();
    expect(started.expires.getTime() - before).toBeLessThanOrEqual(30 * 60_000 + 1_000);
    const row = await db().session.findUniqueOrThrow({ where: { id: actor.sessionId! } });
    await db().session.update({ where: { id: row.id }, data: { lastSeenAt: new Date(Date.now() - 10 * 60_000) } });
    await findSessionActor(started.sessionToken);
    const after = await db().session.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.expires.getTime()).toBe(row.expires.getTime());

    await db().session.update({ where: { id: row.id }, data: { expires: new Date(Date.now() - 1) } });
    expect(await findSessionActor(started.sessionToken)).toBeNull();
  });

  it("ends as soon as the administrator is disabled", async () => {
    const { admin, started } = await viewing();
    await db().user.update({ where: { id: admin.user.id }, data: { status: "disabled" } });
    expect(await findSessionActor(started.sessionToken)).toBeNull();
  });

  it("leaves the user's last sign-in as it was", async () => {
    const { user } = await viewing();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });
});

describe("the audit of a view-as session", () => {
  it("records each request with the user and the administrator, and marks every other event of it", async () => {
    const { admin, user, actor } = await viewing();
    const requestId = randomUUID();
    await runWithRequestContext({ ...context(), requestId }, async () => {
      await recordImpersonatedRequest(actor, { method: "POST", path: "/account?secret=abc" }, new Headers());
      await updateCurrentUser({ actor, data: { name: "Changed while viewed" } });
    });
    const events = await db().auditEvent.findMany({ where: { requestId }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action).sort()).toEqual(["impersonation.request", "user.updated"]);
    for (const event of events) {
      expect(event).toMatchObject({ actorId: user.id, impersonatorId: admin.user.id, impersonatorEmail: admin.user.email });
    }
    const request = events.find((event) => event.action === "impersonation.request")!;
    expect(request.after).toEqual({ method: "POST", path: "/account" });
    expect(request.targetId).toBe(actor.sessionId);
  });

  it("records a page request outside any request context from its headers", async () => {
    const { admin, actor } = await viewing();
    const requestId = randomUUID();
    await recordImpersonatedRequest(actor, { method: "GET", path: "/admin" }, new Headers({ "x-request-id": requestId }));
    const event = await db().auditEvent.findFirstOrThrow({ where: { requestId } });
    expect(event).toMatchObject({ action: "impersonation.request", impersonatorId: admin.user.id });
  });

  it("leaves events of ordinary sessions without an impersonator", async () => {
    const { user } = await createUser();
    const requestId = randomUUID();
    await runWithRequestContext({ ...context(), requestId }, () => updateCurrentUser({ actor: actorFor(user), data: { name: "Own" } }));
    const event = await db().auditEvent.findFirstOrThrow({ where: { requestId } });
    expect(event).toMatchObject({ impersonatorId: null, impersonatorEmail: null });
  });
});

describe("stopping", () => {
  it("ends the session, records it, and shows the user who viewed as them and for how long", async () => {
    const { admin, user, started, actor } = await viewing();
    await expect(stopImpersonation({ actor })).resolves.toEqual({ userId: user.id, impersonatorId: admin.user.id });
    expect(await findSessionActor(started.sessionToken)).toBeNull();
    const stopped = await db().auditEvent.findFirstOrThrow({ where: { action: "impersonation.stopped", targetId: user.id } });
    expect(stopped).toMatchObject({ actorId: admin.user.id, impersonatorId: admin.user.id });

    const [listed] = await findOwnImpersonations({ actor: await freshSessionActor(user) });
    expect(listed).toMatchObject({ sessionId: actor.sessionId, impersonatorEmail: admin.user.email });
    expect(listed!.endedAt).not.toBeNull();
  });

  it("counts signing out of the session as stopping", async () => {
    const { admin, user, started } = await viewing();
    await endSession(started.sessionToken);
    const stopped = await db().auditEvent.findFirstOrThrow({ where: { action: "impersonation.stopped", targetId: user.id } });
    expect(stopped.impersonatorId).toBe(admin.user.id);
    expect(await db().auditEvent.count({ where: { action: "auth.sign_out", actorId: user.id } })).toBe(0);
  });

  it("is refused to a session that is not viewing as anyone", async () => {
    const { actor } = await administrator();
    expect((await appErrorOf(stopImpersonation({ actor }))).code).toBe("bad_request");
  });
});
