import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { completeSecondFactorSignIn } from "@/lib/services/auth/complete-second-factor-sign-in";
import { signInWithPassword } from "@/lib/services/auth/sign-in-with-password";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { checkSecondFactor } from "@/lib/services/mfa/check-second-factor";
import { createUser } from "@/tests/support/factories";
import { createUserWithTotp } from "@/tests/support/second-factors";

// A burst of guesses sent at once must not all be judged against the count as it stood
// before any of them: each takes its place in the count before it is checked.
const burst = 12;
const threshold = 5; // LOCKOUT_THRESHOLD's default, and a pending sign-in's tries

const from = <T>(ip: string, fn: () => Promise<T>) => runWithRequestContext({ requestId: "test", ip, userAgent: null }, fn);
const newAddress = () => `ip-${crypto.randomUUID()}`;
const settled = <T>(attempts: Promise<T>[]) => Promise.allSettled(attempts);

/** How many wrong guesses were actually checked: each checked one, and only those, is audited with this reason. */
const judged = (userId: string, reason: string) =>
  db().auditEvent.count({ where: { targetId: userId, after: { path: ["reason"], equals: reason } } });

describe("a burst of concurrent wrong guesses", () => {
  it("of passwords from one address: no more are checked than the lockout threshold", async () => {
    const { user } = await createUser();
    const ip = newAddress();
    const answers = await settled(
      Array.from({ length: burst }, () => from(ip, () => verifyCredentials({ email: user.email, password: "wrong" }))),
    );
    expect(answers.every((answer) => answer.status === "rejected")).toBe(true);
    expect(await judged(user.id, "wrong_password")).toBe(threshold);
  });

  it("of recovery codes from one address: no more are checked than the lockout threshold", async () => {
    const { user } = await createUserWithTotp();
    const ip = newAddress();
    await settled(
      Array.from({ length: burst }, (_, i) => from(ip, () => checkSecondFactor(user, { recoveryCode: `WRONG-${i}` }, "sign_in"))),
    );
    expect(await judged(user.id, "wrong_recovery_code")).toBe(threshold);
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });

  it("at one pending sign-in from many addresses: no more are checked than its tries", async () => {
    const { user, password } = await createUserWithTotp();
    const started = await from(newAddress(), () => signInWithPassword({ email: user.email, password }));
    if (!("pendingSignIn" in started)) throw new Error("The password alone opened a session.");
    const pendingSignIn = started.pendingSignIn.secret;

    await settled(
      Array.from({ length: burst }, (_, i) =>
        from(newAddress(), () => completeSecondFactorSignIn({ pendingSignIn, proof: { recoveryCode: `WRONG-${i}` } })),
      ),
    );
    expect(await judged(user.id, "wrong_recovery_code")).toBe(threshold);
    const pending = await db().pendingSignIn.findUniqueOrThrow({ where: { secretHash: hashToken(pendingSignIn) } });
    expect(pending.failedAttempts).toBe(threshold);
  });
});
