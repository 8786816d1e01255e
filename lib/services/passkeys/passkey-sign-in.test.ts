import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { startPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { issueTokensForPasskey } from "@/lib/services/passkeys/issue-tokens-for-passkey";
import { relyingParty } from "@/lib/services/passkeys/relying-party";
import { signInWithPasskey } from "@/lib/services/passkeys/sign-in-with-passkey";
import { startPasskeySecondFactor } from "@/lib/services/passkeys/start-passkey-second-factor";
import { startPasskeySignIn } from "@/lib/services/passkeys/start-passkey-sign-in";
import { appErrorOf } from "@/tests/support/errors";
import { createUserWithPasskey } from "@/tests/support/second-factors";
import { softwareAuthenticator } from "@/tests/support/software-authenticator";

/** Each test signs in from its own address, so the per-address limits of one never touch another. */
const fromNewAddress = () => {
  const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  return <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: randomUUID(), ip, userAgent: null }, fn);
};

const factorOf = (id: string) => db().mfaFactor.findUniqueOrThrow({ where: { id } });

describe("signing in with a passkey alone", () => {
  it("opens a session verified with a second factor, moves the counter, and spends the challenge", async () => {
    const { user, authenticator, passkey } = await createUserWithPasskey();
    const from = fromNewAddress();
    const { passkeyChallenge, options } = await from(() => startPasskeySignIn({ purpose: "browser" }));
    expect(options).toMatchObject({ rpId: "localhost", userVerification: "required" });
    expect(options.allowCredentials ?? []).toEqual([]);

    const response = authenticator.assert({ challenge: options.challenge, userId: user.id });
    const { actor, sessionToken } = await from(() => signInWithPasskey({ passkeyChallenge, response }));
    expect(actor.userId).toBe(user.id);
    const session = await db().session.findUniqueOrThrow({ where: { sessionToken: hashToken(sessionToken) } });
    expect(session).toMatchObject({ kind: "browser", verifiedWith: "second_factor", userId: user.id });
    expect(await factorOf(passkey.id)).toMatchObject({ signCount: 1n, lastUsedAt: expect.any(Date) });

    // The same answer again: the challenge is spent.
    expect((await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge, response })))).code).toBe("unauthorized");
  });

  it("refuses a counter that went back (a cloned authenticator), and counts it against the account", async () => {
    const { user, authenticator, passkey } = await createUserWithPasskey();
    const from = fromNewAddress();
    const first = await from(() => startPasskeySignIn({ purpose: "browser" }));
    await from(() => signInWithPasskey({ ...first, response: authenticator.assert({ challenge: first.options.challenge, counter: 7 }) }));

    const second = await from(() => startPasskeySignIn({ purpose: "browser" }));
    const cloned = authenticator.assert({ challenge: second.options.challenge, counter: 3 });
    expect((await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge: second.passkeyChallenge, response: cloned })))).code).toBe(
      "unauthorized",
    );
    expect(await factorOf(passkey.id)).toMatchObject({ signCount: 7n });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", targetId: user.id } });
    expect(audit.after).toMatchObject({ reason: "passkey_not_verified" });
  });

  it("refuses an answer without user verification, from another origin, or for an unknown passkey", async () => {
    const { user, authenticator } = await createUserWithPasskey();
    const from = fromNewAddress();
    const answers = [
      (challenge: string) => authenticator.assert({ challenge, userVerified: false }),
      (challenge: string) => authenticator.assert({ challenge, origin: "https://evil.example" }),
      (challenge: string) => softwareAuthenticator(relyingParty()).assert({ challenge }),
      // Signed by the right key, but claiming to be another account's passkey.
      (challenge: string) => authenticator.assert({ challenge, userId: randomUUID() }),
    ];
    for (const answer of answers) {
      const { passkeyChallenge, options } = await from(() => startPasskeySignIn({ purpose: "browser" }));
      const refused = await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge, response: answer(options.challenge) })));
      expect(refused.code).toBe("unauthorized");
    }
    expect(await db().session.count({ where: { userId: user.id, kind: "browser", verifiedWith: "second_factor" } })).toBe(0);
    expect(
      await db().auditEvent.count({ where: { action: "auth.sign_in_failed", after: { path: ["reason"], equals: "unknown_passkey" } } }),
    ).toBeGreaterThan(0);
  });

  it("answers a garbled response as a refusal, not an error", async () => {
    const { authenticator } = await createUserWithPasskey();
    const from = fromNewAddress();
    const { passkeyChallenge, options } = await from(() => startPasskeySignIn({ purpose: "browser" }));
    const garbled = authenticator.assert({ challenge: options.challenge });
    garbled.response.clientDataJSON = Buffer.from("{not json").toString("base64url");
    garbled.response.signature = "AAAA";
    expect((await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge, response: garbled })))).code).toBe("unauthorized");
  });

  it("draws on the per-account limits: after the threshold of wrong answers even a right one waits", async () => {
    const { authenticator } = await createUserWithPasskey();
    const from = fromNewAddress();
    const codes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const { passkeyChallenge, options } = await from(() => startPasskeySignIn({ purpose: "browser" }));
      const wrong = authenticator.assert({ challenge: options.challenge, origin: "https://evil.example" });
      codes.push((await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge, response: wrong })))).code);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill("unauthorized"));
    expect(codes.slice(4)).toEqual(["rate_limited", "rate_limited"]);
    const { passkeyChallenge, options } = await from(() => startPasskeySignIn({ purpose: "browser" }));
    const right = authenticator.assert({ challenge: options.challenge });
    expect((await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge, response: right })))).code).toBe("rate_limited");
  });

  it("refuses a disabled account even with its passkey", async () => {
    const { user, authenticator } = await createUserWithPasskey();
    await db().user.update({ where: { id: user.id }, data: { status: "disabled" } });
    const from = fromNewAddress();
    const { passkeyChallenge, options } = await from(() => startPasskeySignIn({ purpose: "browser" }));
    const response = authenticator.assert({ challenge: options.challenge });
    expect((await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge, response })))).code).toBe("unauthorized");
  });
});

describe("a passkey as the second step after a password", () => {
  it("offers only the user's passkeys, accepts one without user verification, and opens the session", async () => {
    const { user, authenticator, passkey } = await createUserWithPasskey();
    const from = fromNewAddress();
    const { secret } = await startPendingSignIn({ purpose: "browser", userId: user.id });
    const options = await from(() => startPasskeySecondFactor({ pendingSignIn: secret }));
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: authenticator.credentialId })]);

    const response = authenticator.assert({ challenge: options.challenge, userVerified: false });
    const { sessionToken } = await from(() => signInWithPasskey({ pendingSignIn: secret, response }));
    const session = await db().session.findUniqueOrThrow({ where: { sessionToken: hashToken(sessionToken) } });
    expect(session.verifiedWith).toBe("second_factor");
    expect((await factorOf(passkey.id)).lastUsedAt).not.toBeNull();
    expect((await appErrorOf(from(() => startPasskeySecondFactor({ pendingSignIn: secret })))).code).toBe("unauthorized");
  });

  it("refuses another account's passkey and counts it as a wrong second factor of the signing-in account", async () => {
    const victim = await createUserWithPasskey();
    const attacker = await createUserWithPasskey();
    const from = fromNewAddress();
    const { secret } = await startPendingSignIn({ purpose: "browser", userId: victim.user.id });
    const options = await from(() => startPasskeySecondFactor({ pendingSignIn: secret }));
    const response = attacker.authenticator.assert({ challenge: options.challenge });
    expect((await appErrorOf(from(() => signInWithPasskey({ pendingSignIn: secret, response })))).code).toBe("unauthorized");
    expect(await db().auditEvent.count({ where: { action: "mfa.code_failed", targetId: victim.user.id } })).toBe(1);
    expect((await db().pendingSignIn.findUniqueOrThrow({ where: { secretHash: hashToken(secret) } })).failedAttempts).toBe(1);
  });

  it("keeps the two kinds of challenge apart: neither can be spent as the other", async () => {
    const { user, authenticator } = await createUserWithPasskey();
    const from = fromNewAddress();
    const passwordless = await from(() => startPasskeySignIn({ purpose: "browser" }));
    const answer = authenticator.assert({ challenge: passwordless.options.challenge });
    expect((await appErrorOf(from(() => signInWithPasskey({ pendingSignIn: passwordless.passkeyChallenge, response: answer })))).code).toBe(
      "unauthorized",
    );
    expect((await appErrorOf(from(() => startPasskeySecondFactor({ pendingSignIn: passwordless.passkeyChallenge })))).code).toBe(
      "unauthorized",
    );

    const { secret } = await startPendingSignIn({ purpose: "browser", userId: user.id });
    const options = await from(() => startPasskeySecondFactor({ pendingSignIn: secret }));
    const second = authenticator.assert({ challenge: options.challenge });
    expect((await appErrorOf(from(() => signInWithPasskey({ passkeyChallenge: secret, response: second })))).code).toBe("unauthorized");
  });
});

describe("passwordless tokens for API clients", () => {
  it("issues the password grant's tokens for an oauth challenge only", async () => {
    const { user, authenticator } = await createUserWithPasskey();
    const from = fromNewAddress();
    const { passkeyChallenge, options } = await from(() => startPasskeySignIn({ purpose: "oauth" }));
    const response = authenticator.assert({ challenge: options.challenge, userId: user.id });
    const grant = await from(() => issueTokensForPasskey({ passkeyChallenge, response, scope: "read", clientId: "cli" }));
    expect(grant.scopes).toEqual(["read"]);
    const claims = await verifyAccessToken(grant.accessToken);
    expect(claims?.userId).toBe(user.id);
    const session = await db().session.findUniqueOrThrow({ where: { id: claims!.sessionId } });
    expect(session).toMatchObject({ kind: "api", verifiedWith: "second_factor" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.token_issued", actorId: user.id } });
    expect(audit.after).toMatchObject({ grantType: "passkey", clientId: "cli" });

    const browser = await from(() => startPasskeySignIn({ purpose: "browser" }));
    const answer = authenticator.assert({ challenge: browser.options.challenge });
    expect(
      (await appErrorOf(from(() => issueTokensForPasskey({ passkeyChallenge: browser.passkeyChallenge, response: answer })))).code,
    ).toBe("unauthorized");
    const unknownScope = await appErrorOf(from(() => issueTokensForPasskey({ passkeyChallenge, response, scope: "admin" })));
    expect(unknownScope.fieldErrors).toEqual([expect.objectContaining({ field: "scope" })]);
  });
});
