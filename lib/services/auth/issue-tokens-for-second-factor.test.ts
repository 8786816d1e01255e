import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";
import { issueTokensForPassword, type SecondFactorChallenge } from "@/lib/services/auth/issue-tokens-for-password";
import { issueTokensForSecondFactor } from "@/lib/services/auth/issue-tokens-for-second-factor";
import type { TokenGrant } from "@/lib/services/auth/token-grant";
import { appErrorOf } from "@/tests/support/errors";
import { createUserWithTotp } from "@/tests/support/second-factors";

/** The first half: the right password for an account with an authenticator app, asking for read only. */
async function challenged(clientId = "cli") {
  const enrolled = await createUserWithTotp();
  const outcome = await issueTokensForPassword({ email: enrolled.user.email, password: enrolled.password, scopes: ["read"], clientId });
  expect(outcome).toEqual({ mfaToken: expect.any(String), expiresAt: expect.any(Date) });
  return { ...enrolled, mfaToken: (outcome as SecondFactorChallenge).mfaToken };
}

const sessionOf = async (grant: TokenGrant) => {
  const actor = await findBearerActor(grant.accessToken);
  return db().session.findUniqueOrThrow({ where: { id: actor!.sessionId! } });
};

describe("the password grant for an account with a second factor", () => {
  it("opens nothing for the password alone: it answers a single-use token valid 5 minutes", async () => {
    const { user, mfaToken } = await challenged();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1); // the enrolment's browser session only
    const pending = await db().pendingSignIn.findUniqueOrThrow({ where: { secretHash: hashToken(mfaToken) } });
    expect(pending).toMatchObject({ purpose: "oauth", userId: user.id, clientId: "cli", scopes: ["read"], consumedAt: null });
    expect(pending.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  });

  it("exchanges the token and a code for the tokens the password asked for, verified by a second factor", async () => {
    const { user, mfaToken, nextCode } = await challenged();
    const grant = await issueTokensForSecondFactor({ mfaToken, proof: { otp: nextCode() }, clientId: undefined });
    expect(grant).toMatchObject({ scopes: ["read"], expiresIn: 600 });
    expect(grant.refreshToken).toMatch(/^umr_read_/);
    const session = await sessionOf(grant);
    expect(session).toMatchObject({ userId: user.id, kind: "api", verifiedWith: "second_factor" });
    const issued = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.token_issued", targetId: session.id } });
    expect(issued.after).toMatchObject({ grantType: "mfa-otp", clientId: "cli", secondFactor: "totp" });
  });

  it("works once: the same token with another valid code is refused", async () => {
    const { user, mfaToken, nextCode, recoveryCodes } = await challenged();
    await issueTokensForSecondFactor({ mfaToken, proof: { otp: nextCode() }, clientId: "cli" });
    const reused = await appErrorOf(issueTokensForSecondFactor({ mfaToken, proof: { recoveryCode: recoveryCodes[0]! }, clientId: "cli" }));
    expect(reused).toMatchObject({ code: "unauthorized", message: expect.stringContaining("mfa_token") });
    // Refused before the code is looked at, so the recovery code is still there to use.
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });

  it("refuses an expired token even with the right code, and leaves the code unspent", async () => {
    const { user, password, mfaToken, nextCode } = await challenged();
    await db().pendingSignIn.update({ where: { secretHash: hashToken(mfaToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const code = nextCode();
    const expired = await appErrorOf(issueTokensForSecondFactor({ mfaToken, proof: { otp: code }, clientId: undefined }));
    expect(expired.code).toBe("unauthorized");
    expect(await db().session.count({ where: { userId: user.id, kind: "api" } })).toBe(0);

    const fresh = await issueTokensForPassword({ email: user.email, password, scopes: ["read"], clientId: "cli" });
    const mfaTokenAgain = (fresh as SecondFactorChallenge).mfaToken;
    await issueTokensForSecondFactor({ mfaToken: mfaTokenAgain, proof: { otp: code }, clientId: undefined });
  });

  it("refuses an unknown token and one issued to another client", async () => {
    const { mfaToken, nextCode } = await challenged("first-client");
    expect(
      (await appErrorOf(issueTokensForSecondFactor({ mfaToken: "umx_nothing", proof: { otp: nextCode() }, clientId: undefined }))).code,
    ).toBe("unauthorized");
    const other = await appErrorOf(issueTokensForSecondFactor({ mfaToken, proof: { otp: nextCode() }, clientId: "second-client" }));
    expect(other.message).toContain("another client_id");
  });

  it("counts a wrong code against the account and the token, which still takes the right one afterwards", async () => {
    const { user, mfaToken, nextCode } = await challenged();
    const wrong = nextCode() === "000000" ? "111111" : "000000";
    const refused = await appErrorOf(issueTokensForSecondFactor({ mfaToken, proof: { otp: wrong }, clientId: undefined }));
    expect(refused).toMatchObject({ code: "unauthorized", message: "The code is not valid." });
    expect(await db().pendingSignIn.findUniqueOrThrow({ where: { secretHash: hashToken(mfaToken) } })).toMatchObject({ failedAttempts: 1 });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedSignIns: 1 });
    expect(await db().auditEvent.count({ where: { action: "mfa.code_failed", targetId: user.id } })).toBe(1);
    await issueTokensForSecondFactor({ mfaToken, proof: { otp: nextCode() }, clientId: undefined });
  });

  it("refuses a token that has had five wrong codes", async () => {
    const { mfaToken, nextCode } = await challenged();
    await db().pendingSignIn.update({ where: { secretHash: hashToken(mfaToken) }, data: { failedAttempts: 5 } });
    expect((await appErrorOf(issueTokensForSecondFactor({ mfaToken, proof: { otp: nextCode() }, clientId: undefined }))).code).toBe(
      "unauthorized",
    );
  });

  it("takes a recovery code instead, once", async () => {
    const { user, password, mfaToken, recoveryCodes } = await challenged();
    const grant = await issueTokensForSecondFactor({ mfaToken, proof: { recoveryCode: recoveryCodes[3]! }, clientId: undefined });
    expect((await sessionOf(grant)).verifiedWith).toBe("second_factor");
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);

    const again = await issueTokensForPassword({ email: user.email, password, scopes: ["read"], clientId: "c" });
    const spent = await appErrorOf(
      issueTokensForSecondFactor({
        mfaToken: (again as SecondFactorChallenge).mfaToken,
        proof: { recoveryCode: recoveryCodes[3]! },
        clientId: undefined,
      }),
    );
    expect(spent.message).toBe("The recovery code is not valid.");
  });
});
