import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { relyingParty } from "@/lib/services/passkeys/relying-party";
import { api } from "@/tests/support/api";
import { issueOneTimeToken } from "@/lib/services/auth/issue-one-time-token";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { createUserWithTotp } from "@/tests/support/second-factors";
import { actorFor, createUser } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";
import { softwareAuthenticator } from "@/tests/support/software-authenticator";

/** A superadmin, and a read+write token of theirs limited to an organization they own. */
async function superadminWithLimitedToken() {
  const { user } = await createUser({ role: "superadmin" });
  const organization = await createOrganizationFor(actorFor(user));
  return { user, organization, token: { bearer: await personalAccessToken(user, { organizationId: organization.id }) } };
}

// Reproduced in review (Critical): a superadmin's token limited to one organization
// registered a passkey on the whole account, signed in with it for an unrestricted
// access token, and from there made a new superadmin.
describe("a token limited to one organization never reaches the account", () => {
  it("cannot start or finish registering a passkey, so no passwordless sign-in follows", async () => {
    const { user, token } = await superadminWithLimitedToken();
    const options = await api("POST", "/api/v1/users/me/mfa/passkeys/registration-options", { as: token, body: {} });
    expect({ status: options.status, code: options.body?.code }).toEqual({ status: 403, code: "organization_token_refused" });

    // Even with options it obtained some other way, the answer is refused at the door.
    const attacker = softwareAuthenticator(relyingParty());
    const response = attacker.register({
      challenge: Buffer.from("forged-challenge").toString("base64url"),
      rp: { id: relyingParty().rpID, name: "x" },
      user: { id: Buffer.from(user.id).toString("base64url"), name: user.email, displayName: user.email },
    } as never);
    const registered = await api("POST", "/api/v1/users/me/mfa/passkeys", { as: token, body: { name: "Attacker", response } });
    expect({ status: registered.status, code: registered.body?.code }).toEqual({ status: 403, code: "organization_token_refused" });
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);

    // With no passkey on the account, the attacker's authenticator signs nobody in.
    const signIn = await api("POST", "/api/v1/auth/passkey/options", { body: {} });
    const assertion = attacker.assert({ challenge: (signIn.body!.options as { challenge: string }).challenge, userId: user.id });
    const verified = await api("POST", "/api/v1/auth/passkey/verify", {
      body: { passkeyChallenge: signIn.body!.passkeyChallenge, response: assertion },
    });
    expect(verified.status).toBe(401);
  });

  it("cannot add an authenticator app, replace recovery codes, or mint a token", async () => {
    const { user, token } = await superadminWithLimitedToken();
    for (const [method, path, body] of [
      ["POST", "/api/v1/users/me/mfa/totp", {}],
      ["POST", "/api/v1/users/me/mfa/recovery-codes", {}],
      ["POST", "/api/v1/users/me/tokens", { name: "wider", scopes: ["read", "write"], expiresInDays: 365 }],
      ["POST", "/api/v1/users/me/verify", { password: "anything" }],
    ] as const) {
      const answer = await api(method, path, { as: token, body });
      expect({ path, status: answer.status, code: answer.body?.code }).toEqual({ path, status: 403, code: "organization_token_refused" });
    }
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it("cannot read or end the account's sessions and tokens", async () => {
    const { token } = await superadminWithLimitedToken();
    for (const [method, path] of [
      ["GET", "/api/v1/users/me/sessions"],
      ["GET", "/api/v1/users/me/tokens"],
      ["DELETE", `/api/v1/users/me/sessions/${crypto.randomUUID()}`],
      ["DELETE", `/api/v1/users/me/tokens/${crypto.randomUUID()}`],
      ["GET", "/api/v1/users/me/mfa"],
    ] as const) {
      const answer = await api(method, path, { as: token });
      expect({ path, status: answer.status, code: answer.body?.code }).toEqual({ path, status: 403, code: "organization_token_refused" });
    }
  });

  it("still works inside its organization, and knows whose it is", async () => {
    const { user, organization, token } = await superadminWithLimitedToken();
    expect((await api("GET", `/api/v1/organizations/${organization.id}`, { as: token })).status).toBe(200);
    expect((await api("GET", "/api/v1/users/me", { as: token })).body).toMatchObject({ id: user.id });
    expect((await api("GET", "/api/v1/users", { as: token })).body?.code).toBe("organization_token_refused");
  });
});

// The review's planted passkey also survived the owner's password reset and an
// administrator's "sign out everywhere": both now show the owner the account's factors,
// and the administrator may remove the factors added lately.
describe("a planted factor does not go unseen", () => {
  it("is listed in the mail a password reset sends", async () => {
    const { user } = await createUserWithTotp();
    const token = await db().$transaction((tx) =>
      issueOneTimeToken(tx, { userId: user.id, purpose: "password_reset", email: user.email, ttlMinutes: 30 }),
    );
    await resetPassword({ token, password: "a brand new passphrase 42" });
    const mail = await db().mailMessage.findFirstOrThrow({ where: { to: user.email, subject: "Your password was reset" } });
    expect(mail.text).toMatch(/second factors now: authenticator app \(added/);
  });

  it("is removed, with the sessions and tokens, when an administrator signs the user out everywhere and asks for it", async () => {
    const { user } = await createUserWithTotp();
    const { user: admin } = await createUser({ role: "admin" });
    const as = { cookie: (await sessionCookie(admin)).cookie };
    const answer = await api("POST", `/api/v1/users/${user.id}/sessions/revoke`, { as, body: { removeFactorsAddedWithinDays: 7 } });
    expect(answer.body).toMatchObject({ removedFactors: 1 });
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const mail = await db().mailMessage.findFirstOrThrow({ where: { to: user.email, subject: "Your account was signed out everywhere" } });
    expect(mail.text).toContain("removed 1 recently added second factor.");
    // Without the option, or with a stale session asking for it, nothing else goes.
    const stale = { cookie: (await sessionCookie(admin, { verifiedMinutesAgo: 60 })).cookie };
    const refused = await api("POST", `/api/v1/users/${user.id}/sessions/revoke`, { as: stale, body: { removeFactorsAddedWithinDays: 7 } });
    expect(refused.body?.code).toBe("reauthentication_required");
    expect((await api("POST", `/api/v1/users/${user.id}/sessions/revoke`, { as: stale })).status).toBe(200);
  });
});
