import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { signInForSession } from "@/tests/support/sign-in";
import { endOtherSessions } from "@/lib/services/sessions/end-other-sessions";
import { endOwnSession } from "@/lib/services/sessions/end-own-session";
import { findOwnSessions } from "@/lib/services/sessions/find-own-sessions";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser } from "@/tests/support/factories";

async function userWithSessions(count: number) {
  const { user, password } = await createUser();
  const sessions = [];
  for (let i = 0; i < count; i++) sessions.push(await signInForSession({ email: user.email, password }));
  return { user, password, sessions };
}

describe("own sessions", () => {
  it("lists the caller's sessions with the current one marked", async () => {
    const { sessions } = await userWithSessions(2);
    const listed = await findOwnSessions({ actor: sessions[1]!.actor });
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current).map((session) => session.id)).toEqual([sessions[1]!.actor.sessionId]);
    expect(JSON.stringify(listed)).not.toContain(sessions[0]!.sessionToken);
  });

  it("ends one session, or all but the current one", async () => {
    const { sessions } = await userWithSessions(3);
    const [first, second, third] = sessions;
    await endOwnSession({ actor: third!.actor, sessionId: first!.actor.sessionId! });
    expect(await findSessionActor(first!.sessionToken)).toBeNull();
    expect(await endOtherSessions({ actor: third!.actor })).toEqual({ ended: 1, factors: [] });
    expect(await findSessionActor(second!.sessionToken)).toBeNull();
    expect(await findSessionActor(third!.sessionToken)).not.toBeNull();
  });

  it("cannot end another user's session", async () => {
    const { sessions } = await userWithSessions(1);
    const { sessions: others } = await userWithSessions(1);
    const error = await appErrorOf(endOwnSession({ actor: others[0]!.actor, sessionId: sessions[0]!.actor.sessionId! }));
    expect(error.code).toBe("not_found");
    expect(await findSessionActor(sessions[0]!.sessionToken)).not.toBeNull();
  });
});

describe("changeOwnPassword", () => {
  it("needs the current password, then ends every other session", async () => {
    const { user, password, sessions } = await userWithSessions(2);
    const [other, current] = sessions;
    const wrong = await appErrorOf(
      changeOwnPassword({ actor: current!.actor, data: { currentPassword: "not it", newPassword: "a brand new passphrase" } }),
    );
    expect(wrong.fieldErrors).toEqual([{ field: "currentPassword", message: "The current password is incorrect." }]);

    const result = await changeOwnPassword({
      actor: current!.actor,
      data: { currentPassword: password, newPassword: "a brand new passphrase" },
    });
    expect(result).toEqual({ endedSessions: 1, revokedTokens: 0 });
    expect(await findSessionActor(other!.sessionToken)).toBeNull();
    expect(await findSessionActor(current!.sessionToken)).not.toBeNull();
    await appErrorOf(signInForSession({ email: user.email, password }));
    await expect(signInForSession({ email: user.email, password: "a brand new passphrase" })).resolves.toBeDefined();
    expect(await db().auditEvent.count({ where: { action: "auth.password_changed", targetId: user.id } })).toBe(1);
  });
});

describe("revokeUserSessions", () => {
  it("lets an administrator sign a user out everywhere", async () => {
    const { user, sessions } = await userWithSessions(2);
    const { user: admin } = await createUser({ role: "admin" });
    expect(await revokeUserSessions({ actor: actorFor(admin), userId: user.id })).toEqual({
      revoked: 2,
      revokedTokens: 0,
      removedFactors: 0,
    });
    for (const session of sessions) expect(await findSessionActor(session.sessionToken)).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "user.sessions_revoked", targetId: user.id } })).toBe(1);
  });

  it("hides users from ordinary users and refuses admins acting on a superadmin", async () => {
    const { user } = await createUser();
    const { user: peer } = await createUser();
    const { user: admin } = await createUser({ role: "admin" });
    const { user: superadmin } = await createUser({ role: "superadmin" });
    expect((await appErrorOf(revokeUserSessions({ actor: actorFor(peer), userId: user.id }))).code).toBe("not_found");
    expect((await appErrorOf(revokeUserSessions({ actor: actorFor(admin), userId: superadmin.id }))).code).toBe("forbidden");
  });
});
