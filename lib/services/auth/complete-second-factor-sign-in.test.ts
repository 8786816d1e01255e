import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { completeSecondFactorSignIn } from "@/lib/services/auth/complete-second-factor-sign-in";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { startPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { signInWithPassword } from "@/lib/services/auth/sign-in-with-password";
import { appErrorOf } from "@/tests/support/errors";
import { createUser } from "@/tests/support/factories";
import { createUserWithTotp, nextTotpCode } from "@/tests/support/second-factors";

let address = 0;
/** Runs as a request from an address no other test uses, so per-address delays stay out of the way. */
const fromNewAddress = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: "test", ip: `10.77.${process.pid % 250}.${++address}`, userAgent: null }, fn);

/** The password step of a user with a second factor: the secret of the pending sign-in it started. */
async function passwordStep(user: { email: string }, password: string): Promise<string> {
  const result = await fromNewAddress(() => signInWithPassword({ email: user.email, password }));
  if (!("pendingSignIn" in result)) throw new Error("The password alone opened a session.");
  return result.pendingSignIn.secret;
}

const sessionsOf = (userId: string) => db().session.count({ where: { userId } });

describe("signing in with a second factor", () => {
  it("opens no session on the password alone, and one verified with the second factor after the code", async () => {
    const { user, password, secret } = await createUserWithTotp();
    const before = await sessionsOf(user.id);
    const pendingSignIn = await passwordStep(user, password);
    expect(await sessionsOf(user.id)).toBe(before);
    const stored = await db().pendingSignIn.findUniqueOrThrow({ where: { secretHash: hashToken(pendingSignIn) } });
    expect(stored).toMatchObject({ purpose: "browser", userId: user.id, consumedAt: null });

    const { actor, sessionToken } = await fromNewAddress(() =>
      completeSecondFactorSignIn({ pendingSignIn, proof: { otp: nextTotpCode(secret) } }),
    );
    expect(await findSessionActor(sessionToken)).toMatchObject({ userId: user.id });
    const session = await db().session.findUniqueOrThrow({ where: { id: actor.sessionId! } });
    expect(session.verifiedWith).toBe("second_factor");
    expect(Date.now() - session.verifiedAt.getTime()).toBeLessThan(60_000);
    const signedIn = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in", targetId: session.id } });
    expect(signedIn.after).toEqual({ kind: "browser", verifiedWith: "second_factor", amr: ["pwd", "otp", "mfa"] });
  });

  it("marks a password-only sign-in as verified with the password", async () => {
    const { user, password } = await createUser();
    const result = await fromNewAddress(() => signInWithPassword({ email: user.email, password }));
    if (!("actor" in result)) throw new Error("A user without a factor was asked for one.");
    const session = await db().session.findUniqueOrThrow({ where: { id: result.actor.sessionId! } });
    expect(session.verifiedWith).toBe("password");
  });

  it("works once: the same pending sign-in cannot open a second session", async () => {
    const { user, password, recoveryCodes } = await createUserWithTotp();
    const pendingSignIn = await passwordStep(user, password);
    await fromNewAddress(() => completeSecondFactorSignIn({ pendingSignIn, proof: { recoveryCode: recoveryCodes[0]! } }));
    const sessions = await sessionsOf(user.id);

    const reused = await appErrorOf(
      fromNewAddress(() => completeSecondFactorSignIn({ pendingSignIn, proof: { recoveryCode: recoveryCodes[1]! } })),
    );
    expect(reused.code).toBe("not_found");
    expect(await sessionsOf(user.id)).toBe(sessions);
    // Refused before the code was looked at, so the second recovery code is still unspent.
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("refuses an expired pending sign-in, an unknown secret, and one started for an OAuth client", async () => {
    const { user, password, secret } = await createUserWithTotp();
    const expired = await passwordStep(user, password);
    await db().pendingSignIn.update({ where: { secretHash: hashToken(expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { secret: oauth } = await startPendingSignIn({ purpose: "oauth", userId: user.id });

    for (const pendingSignIn of [expired, "not-a-pending-sign-in", oauth]) {
      const error = await appErrorOf(
        fromNewAddress(() => completeSecondFactorSignIn({ pendingSignIn, proof: { otp: nextTotpCode(secret) } })),
      );
      expect(error.code).toBe("not_found");
    }
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it("counts a wrong code against the account's limits and the pending sign-in, which dies after five", async () => {
    const { user, password, secret } = await createUserWithTotp();
    const pendingSignIn = await passwordStep(user, password);
    const right = nextTotpCode(secret);
    const wrong = right === "000000" ? "111111" : "000000";

    for (let attempt = 1; attempt <= 5; attempt++) {
      const error = await appErrorOf(fromNewAddress(() => completeSecondFactorSignIn({ pendingSignIn, proof: { otp: wrong } })));
      expect(error.code).toBe("unauthorized");
      expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(attempt);
    }
    expect(await db().auditEvent.count({ where: { action: "mfa.code_failed", targetId: user.id } })).toBe(5);

    // From five addresses, so no per-address delay stopped it: the pending sign-in itself is spent.
    const error = await appErrorOf(fromNewAddress(() => completeSecondFactorSignIn({ pendingSignIn, proof: { otp: right } })));
    expect(error.code).toBe("not_found");
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it("counts a wrong code that starts a delay against the pending sign-in too", async () => {
    const { user, password } = await createUserWithTotp();
    const pendingSignIn = await passwordStep(user, password);
    const ip = `10.78.${process.pid % 250}.1`;
    const from = <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: "test", ip, userAgent: null }, fn);
    const attempt = async (recoveryCode: string) =>
      (await appErrorOf(from(() => completeSecondFactorSignIn({ pendingSignIn, proof: { recoveryCode } })))).code;
    const codes = [];
    for (let count = 1; count <= 5; count++) codes.push(await attempt(`WRONG-${count}`));
    // The fifth wrong guess from one address starts a delay (LOCKOUT_THRESHOLD) and is answered 429.
    expect(codes).toEqual(["unauthorized", "unauthorized", "unauthorized", "unauthorized", "rate_limited"]);
    expect((await db().pendingSignIn.findUniqueOrThrow({ where: { secretHash: hashToken(pendingSignIn) } })).failedAttempts).toBe(5);
    expect(await attempt("WRONG-6")).toBe("not_found");
  });

  it("signs in with a recovery code, which is then spent", async () => {
    const { user, password, recoveryCodes } = await createUserWithTotp();
    const first = await passwordStep(user, password);
    const { actor } = await fromNewAddress(() =>
      completeSecondFactorSignIn({ pendingSignIn: first, proof: { recoveryCode: recoveryCodes[3]! } }),
    );
    expect((await db().session.findUniqueOrThrow({ where: { id: actor.sessionId! } })).verifiedWith).toBe("second_factor");
    expect(await db().auditEvent.count({ where: { action: "mfa.recovery_code_used", targetId: user.id } })).toBe(1);

    const second = await passwordStep(user, password);
    const spent = await appErrorOf(
      fromNewAddress(() => completeSecondFactorSignIn({ pendingSignIn: second, proof: { recoveryCode: recoveryCodes[3]! } })),
    );
    expect(spent.code).toBe("unauthorized");
  });
});
