import { describe, expect, it } from "vitest";
import { totpCode, totpStep } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { checkSecondFactor } from "@/lib/services/mfa/check-second-factor";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { findFactorSummary, hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { regenerateRecoveryCodes } from "@/lib/services/mfa/regenerate-recovery-codes";
import { removeFactor } from "@/lib/services/mfa/remove-factor";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, freshSessionActor } from "@/tests/support/factories";

const step = 30_000;
const from = <T>(ip: string, fn: () => Promise<T>) => runWithRequestContext({ requestId: "test", ip, userAgent: null }, fn);

/** A user with a confirmed authenticator app; the code for the step after confirmation is the first usable one. */
async function enrolledUser() {
  const { user, password } = await createUser();
  const actor = await freshSessionActor(user);
  const { secret, uri } = await startTotpEnrolment({ actor });
  const { recoveryCodes } = await confirmTotpEnrolment({ actor, code: totpCode(secret) });
  return { user, password, actor, secret, uri, recoveryCodes };
}

describe("enrolling an authenticator app", () => {
  it("counts only after a valid code, stores the secret encrypted, and gives ten recovery codes", async () => {
    const { user } = await createUser();
    const actor = await freshSessionActor(user);
    const { secret, uri } = await startTotpEnrolment({ actor });
    expect(uri).toContain(`secret=${secret}`);
    expect(await hasSecondFactor(user.id)).toBe(false);
    const stored = await db().mfaFactor.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.totpSecret).not.toContain(secret);

    const wrong = await appErrorOf(confirmTotpEnrolment({ actor, code: "000000" === totpCode(secret) ? "111111" : "000000" }));
    expect(wrong.fieldErrors).toEqual([expect.objectContaining({ field: "code" })]);
    const { recoveryCodes } = await confirmTotpEnrolment({ actor, code: totpCode(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await hasSecondFactor(user.id)).toBe(true);
    expect(await findFactorSummary(user.id)).toMatchObject({ factors: [{ kind: "totp" }], recoveryCodesRemaining: 10 });
    expect(await db().auditEvent.count({ where: { action: "mfa.totp_enrolled", targetId: user.id } })).toBe(1);
    expect((await appErrorOf(startTotpEnrolment({ actor }))).code).toBe("conflict");
  });
});

describe("checking a code", () => {
  it("accepts a code once: the same code, or an earlier step's, is a replay", async () => {
    const { user } = await enrolledUser();
    const next = Date.now() + step;
    // Confirmation spent the current step; the next step's code is within the drift window.
    const code = totpCode((await secretOf(user.id))!, next);
    expect(await checkSecondFactor(user, { otp: code }, "sign_in")).toBe("totp");
    expect(await checkSecondFactor(user, { otp: code }, "sign_in")).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "mfa.code_failed", targetId: user.id } })).toBe(1);
    const factor = await db().mfaFactor.findFirstOrThrow({ where: { userId: user.id } });
    expect(Number(factor.totpLastStep)).toBe(totpStep(next));
    expect(factor.lastUsedAt).not.toBeNull();
  });

  it("spends a recovery code once, in any case and without the dash, and audits what remains", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const typed = recoveryCodes[0]!.replace("-", "").toLowerCase();
    expect(await checkSecondFactor(user, { recoveryCode: typed }, "sign_in")).toBe("recovery_code");
    expect(await checkSecondFactor(user, { recoveryCode: recoveryCodes[0]! }, "sign_in")).toBeNull();
    expect((await findFactorSummary(user.id)).recoveryCodesRemaining).toBe(9);
    const used = await db().auditEvent.findFirstOrThrow({ where: { action: "mfa.recovery_code_used", targetId: user.id } });
    expect(used.after).toEqual({ remaining: 9 });
  });

  it("counts wrong codes against the password limits: the pair is delayed after the lockout threshold", async () => {
    const { user } = await enrolledUser();
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    let refused;
    for (let attempt = 0; attempt < 10 && !refused; attempt++) {
      refused = await from(ip, () => checkSecondFactor(user, { otp: "000000" }, "sign_in")).then(
        () => undefined,
        (error: unknown) => error,
      );
    }
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBeGreaterThan(0);
  });

  it("regenerating recovery codes retires the old ones", async () => {
    const { user, actor, recoveryCodes } = await enrolledUser();
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ actor });
    expect(await checkSecondFactor(user, { recoveryCode: recoveryCodes[1]! }, "sign_in")).toBeNull();
    expect(await checkSecondFactor(user, { recoveryCode: fresh[1]! }, "sign_in")).toBe("recovery_code");
  });
});

describe("removing the last factor", () => {
  it("takes the recovery codes with it, and records it", async () => {
    const { user, actor } = await enrolledUser();
    const factor = await db().mfaFactor.findFirstOrThrow({ where: { userId: user.id } });
    await removeFactor({ actor, factorId: factor.id });
    expect(await hasSecondFactor(user.id)).toBe(false);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "mfa.totp_removed", targetId: user.id } })).toBe(1);
  });

  it("answers not found for another user's factor", async () => {
    const { user } = await enrolledUser();
    const { user: other } = await createUser();
    const factor = await db().mfaFactor.findFirstOrThrow({ where: { userId: user.id } });
    const error = await appErrorOf(removeFactor({ actor: await freshSessionActor(other), factorId: factor.id }));
    expect(error.code).toBe("not_found");
  });
});

async function secretOf(userId: string) {
  const { decryptSecret } = await import("@/lib/auth/encryption");
  const factor = await db().mfaFactor.findFirstOrThrow({ where: { userId } });
  return factor.totpSecret ? decryptSecret(factor.totpSecret) : null;
}
