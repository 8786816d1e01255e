import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { endSession } from "@/lib/services/auth/end-session";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { sessionExpiry } from "@/lib/services/auth/session-policy";
import { signInForSession } from "@/tests/support/sign-in";
import { createUser, uniqueEmail } from "@/tests/support/factories";

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("signInWithPassword", () => {
  it("opens a server-side session storing only the digest of its secret", async () => {
    const { user, password } = await createUser();
    const { actor, sessionToken } = await signInForSession({ email: user.email, password });

    expect(actor).toMatchObject({ userId: user.id, email: user.email, role: "user" });
    const session = await db().session.findUniqueOrThrow({ where: { id: actor.sessionId! } });
    expect(session.sessionToken).toBe(hashToken(sessionToken));
    expect(session.sessionToken).not.toContain(sessionToken);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "auth.sign_in", actorId: user.id } })).toBe(1);
  });

  it("gives the same answer for an unknown email and a wrong password, and audits both", async () => {
    const { user } = await createUser();
    const unknownEmail = uniqueEmail("nobody");
    const wrongPassword = await failureOf(signInForSession({ email: user.email, password: "not the password" }));
    const unknown = await failureOf(signInForSession({ email: unknownEmail, password: "whatever password" }));

    expect(wrongPassword.code).toBe("unauthorized");
    expect(unknown.code).toBe(wrongPassword.code);
    expect(unknown.message).toBe(wrongPassword.message);

    const failures = await db().auditEvent.findMany({
      where: { action: "auth.sign_in_failed", actorEmail: { in: [user.email, unknownEmail] } },
    });
    expect(failures.map((event) => (event.after as { reason: string }).reason).sort()).toEqual(["unknown_email", "wrong_password"]);
  });

  it("refuses a disabled account with the same answer", async () => {
    const { user, password } = await createUser({ status: "disabled" });
    const error = await failureOf(signInForSession({ email: user.email, password }));
    expect(error.message).toBe("The email or password is incorrect.");
  });

  it("refuses a deleted account", async () => {
    const { user, password } = await createUser();
    await db().user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    await failureOf(signInForSession({ email: user.email, password }));
  });
});

describe("findSessionActor", () => {
  it("resolves a live session and stops resolving it once ended", async () => {
    const { user, password } = await createUser();
    const { sessionToken } = await signInForSession({ email: user.email, password });
    expect(await findSessionActor(sessionToken)).toMatchObject({ userId: user.id });

    await endSession(sessionToken);
    expect(await findSessionActor(sessionToken)).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "auth.sign_out", actorId: user.id } })).toBe(1);
  });

  it("ends at once for a user who is disabled after signing in", async () => {
    const { user, password } = await createUser();
    const { sessionToken } = await signInForSession({ email: user.email, password });
    await db().user.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect(await findSessionActor(sessionToken)).toBeNull();
  });

  it("ends at once for a user who is deleted after signing in", async () => {
    const { user, password } = await createUser();
    const { sessionToken } = await signInForSession({ email: user.email, password });
    await db().user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await findSessionActor(sessionToken)).toBeNull();
  });

  it("does not take an API session's secret for a browser session", async () => {
    const { user, password } = await createUser();
    const { actor, sessionToken } = await signInForSession({ email: user.email, password });
    await db().session.update({ where: { id: actor.sessionId! }, data: { kind: "api" } });
    expect(await findSessionActor(sessionToken)).toBeNull();
  });

  it("answers the session's actor and slides its idle expiry at most once a minute", async () => {
    const { user, password } = await createUser({ role: "admin" });
    const { actor, sessionToken } = await signInForSession({ email: user.email, password });
    const sessionId = actor.sessionId!;
    const seen = async () => (await db().session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();

    const firstSeen = await seen();
    expect(await findSessionActor(sessionToken)).toEqual({ ...actor, role: "admin", via: "session", sessionId });
    expect(await seen()).toBe(firstSeen);

    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await db().session.update({ where: { id: sessionId }, data: { lastSeenAt: twoMinutesAgo } });
    await findSessionActor(sessionToken);
    const session = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.lastSeenAt.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    expect(session.expires).toEqual(sessionExpiry(session.createdAt, session.lastSeenAt));
  });

  it("does not resolve an expired session or an unknown secret", async () => {
    const { user, password } = await createUser();
    const { actor, sessionToken } = await signInForSession({ email: user.email, password });
    await db().session.update({ where: { id: actor.sessionId! }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await findSessionActor(sessionToken)).toBeNull();
    expect(await findSessionActor("not-a-session")).toBeNull();
  });
});
