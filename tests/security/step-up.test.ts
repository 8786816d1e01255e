import { describe, expect, it } from "vitest";
import { totpCode } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { relyingParty } from "@/lib/services/passkeys/relying-party";
import { api } from "@/tests/support/api";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { latestMailTo } from "@/tests/support/mail";
import { createOrganizationFor } from "@/tests/support/organizations";
import { createUserWithTotp } from "@/tests/support/second-factors";
import { softwareAuthenticator } from "@/tests/support/software-authenticator";

/** STEP_UP_MINUTES is 5 by default: a sign-in an hour ago is long past the window. */
const anHourAgo = { verifiedMinutesAgo: 60 };

const refusal = (answer: { status: number; body: Record<string, unknown> | null }) => ({ status: answer.status, code: answer.body?.code });

// Reproduced in review (High): with sessions confirmed an hour earlier, a factor could be
// added, recovery codes replaced and a passkey planted without any confirmation.
describe("adding or replacing a way to sign in needs a recent confirmation", () => {
  it("refuses a stale session without a factor a passkey, and asks for the password", async () => {
    const { user } = await createUser();
    const stale = await sessionCookie(user, anHourAgo);
    const options = await api("POST", "/api/v1/users/me/mfa/passkeys/registration-options", { as: stale, body: {} });
    expect(refusal(options)).toEqual({ status: 403, code: "reauthentication_required" });
    const response = softwareAuthenticator(relyingParty()).register({
      challenge: "AAAA",
      rp: { id: relyingParty().rpID, name: "x" },
      user: { id: Buffer.from(user.id).toString("base64url"), name: user.email, displayName: user.email },
    } as never);
    expect(refusal(await api("POST", "/api/v1/users/me/mfa/passkeys", { as: stale, body: { name: "Planted", response } }))).toEqual({
      status: 403,
      code: "reauthentication_required",
    });
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a stale session without a factor an authenticator app, so the owner is not locked out of their own account", async () => {
    const { user, password } = await createUser();
    const stale = await sessionCookie(user, anHourAgo);
    expect(refusal(await api("POST", "/api/v1/users/me/mfa/totp", { as: stale, body: {} }))).toEqual({
      status: 403,
      code: "reauthentication_required",
    });
    expect(refusal(await api("POST", "/api/v1/users/me/mfa/totp/confirm", { as: stale, body: { code: "123456" } }))).toEqual({
      status: 403,
      code: "reauthentication_required",
    });
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
    // The owner's own password still signs in without a second step.
    const grant = await api("POST", "/api/v1/auth/token", {
      body: new URLSearchParams({ grant_type: "password", username: user.email, password }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(grant.status).toBe(200);
  });

  it("refuses a stale session with a factor new recovery codes, so the owner's codes keep working", async () => {
    const { user, recoveryCodes } = await createUserWithTotp();
    const stale = await sessionCookie(user, anHourAgo);
    expect(refusal(await api("POST", "/api/v1/users/me/mfa/recovery-codes", { as: stale, body: {} }))).toEqual({
      status: 403,
      code: "second_factor_required",
    });
    const minted = await api("POST", "/api/v1/users/me/tokens", {
      as: stale,
      body: { name: "long", scopes: ["read", "write"], expiresInDays: 365, recoveryCode: "not-a-code" },
    });
    expect(minted.status).toBe(422);
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(recoveryCodes.length);
  });

  it("takes the password as the confirmation where the account has no factor, then adds the factor and tells the owner", async () => {
    const { user, password } = await createUser();
    const stale = await sessionCookie(user, anHourAgo);
    expect((await api("POST", "/api/v1/users/me/verify", { as: stale, body: { password } })).status).toBe(204);
    const started = await api("POST", "/api/v1/users/me/mfa/totp", { as: stale, body: {} });
    expect(started.status).toBe(201);
    const code = totpCode(started.body!.secret as string);
    const confirmed = await api("POST", "/api/v1/users/me/mfa/totp/confirm", { as: stale, body: { code } });
    expect(confirmed.status).toBe(200);
    const notice = await latestMailTo(user.email);
    expect(notice?.subject).toBe("A sign-in method was added to your account");
    expect(notice?.text).toMatch(/authenticator app \(added .*UTC\); 10 unused recovery codes/);
    expect(await db().auditEvent.count({ where: { action: "mfa.totp_enrolled", targetId: user.id } })).toBe(1);
  });

  it("asks an account with a factor for a code, not the password, and tells the owner when one is removed", async () => {
    const { user, password, nextCode } = await createUserWithTotp();
    const stale = await sessionCookie(user, anHourAgo);
    const withPassword = await api("POST", "/api/v1/users/me/verify", { as: stale, body: { password } });
    expect(withPassword.status).toBe(422);
    expect(refusal(await api("DELETE", "/api/v1/users/me/mfa/totp", { as: stale }))).toEqual({
      status: 403,
      code: "second_factor_required",
    });
    expect((await api("DELETE", "/api/v1/users/me/mfa/totp", { as: stale, body: { otp: nextCode() } })).status).toBe(204);
    expect((await latestMailTo(user.email))?.subject).toBe("A sign-in method was removed from your account");
  });
});

describe("step-up on the actions that always asked for it", () => {
  it("asks an account with a second factor for a code on every listed action, even right after a password-only confirmation", async () => {
    const { user, password } = await createUserWithTotp({ role: "superadmin" });
    const session = await sessionCookie(user, { verifiedWith: "password" });
    const organization = await createOrganizationFor(actorFor(user));
    const { user: target } = await createUser();
    const attempts: [string, string, unknown?][] = [
      ["POST", "/api/v1/users/me/email", { newEmail: uniqueEmail(), password }],
      ["PATCH", "/api/v1/users/me/password", { currentPassword: password, newPassword: "another long passphrase 7" }],
      ["POST", "/api/v1/users/me/tokens", { name: "ci", scopes: ["read"], expiresInDays: 30 }],
      ["PATCH", `/api/v1/users/${target.id}`, { role: "admin" }],
      ["POST", "/api/v1/users", { email: uniqueEmail(), role: "admin", invite: true }],
      ["DELETE", `/api/v1/organizations/${organization.id}`],
      ["POST", `/api/v1/users/${target.id}/purge`, {}],
      ["POST", "/api/v1/webhooks", { url: "https://hooks.example.com/in", eventTypes: ["user.created"] }],
    ];
    for (const [method, path, body] of attempts) {
      expect({ path, ...refusal(await api(method, path, { as: session, body })) }).toEqual({
        path,
        status: 403,
        code: "second_factor_required",
      });
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("user");
  });

  it("accepts a code sent along, and then the session counts as confirmed for the window", async () => {
    const { user, nextCode } = await createUserWithTotp({ role: "superadmin" });
    const session = await sessionCookie(user, anHourAgo);
    const { user: target } = await createUser();
    const code = nextCode();
    const wrong = await api("POST", "/api/v1/users/me/tokens", {
      as: session,
      body: { name: "ci", scopes: ["read"], expiresInDays: 30, otp: code === "000000" ? "111111" : "000000" },
    });
    expect(wrong.body?.errors).toEqual([{ field: "otp", message: "The code is not valid." }]);
    const minted = await api("POST", "/api/v1/users/me/tokens", {
      as: session,
      body: { name: "ci", scopes: ["read"], expiresInDays: 30, otp: code },
    });
    expect(minted.status).toBe(201);
    expect((await api("PATCH", `/api/v1/users/${target.id}`, { as: session, body: { role: "admin" } })).body).toMatchObject({
      role: "admin",
    });
  });

  it("asks an account without a second factor for its password once the sign-in is older than the window", async () => {
    const { user, password } = await createUser({ role: "superadmin" });
    const { user: target } = await createUser();
    const fresh = await sessionCookie(user);
    expect((await api("PATCH", `/api/v1/users/${target.id}`, { as: fresh, body: { role: "admin" } })).body).toMatchObject({
      role: "admin",
    });
    const stale = await sessionCookie(user, anHourAgo);
    expect(refusal(await api("PATCH", `/api/v1/users/${target.id}`, { as: stale, body: { role: "user" } }))).toEqual({
      status: 403,
      code: "reauthentication_required",
    });
    expect((await api("POST", "/api/v1/users/me/verify", { as: stale, body: { password: "wrong" } })).body?.errors).toEqual([
      { field: "password", message: "The password is incorrect." },
    ]);
    expect((await api("POST", "/api/v1/users/me/verify", { as: stale, body: { password } })).status).toBe(204);
    expect((await api("PATCH", `/api/v1/users/${target.id}`, { as: stale, body: { role: "user" } })).body).toMatchObject({ role: "user" });
  });

  it("does not ask for a rename, only for a change of role", async () => {
    const { user } = await createUser({ role: "superadmin" });
    const { user: target } = await createUser();
    const stale = await sessionCookie(user, anHourAgo);
    expect((await api("PATCH", `/api/v1/users/${target.id}`, { as: stale, body: { name: "Renamed" } })).body).toMatchObject({
      name: "Renamed",
    });
  });

  it("lets a personal access token act without a session, but never mint a token without a proof", async () => {
    const { user } = await createUserWithTotp({ role: "superadmin" });
    const token = { bearer: await personalAccessToken(user) };
    const { user: target } = await createUser();
    expect((await api("PATCH", `/api/v1/users/${target.id}`, { as: token, body: { role: "admin" } })).body).toMatchObject({
      role: "admin",
    });
    const minted = await api("POST", "/api/v1/users/me/tokens", { as: token, body: { name: "ci", scopes: ["read"], expiresInDays: 30 } });
    expect(refusal(minted)).toEqual({ status: 403, code: "second_factor_required" });
    expect((await api("POST", "/api/v1/users/me/verify", { as: token, body: { otp: "123456" } })).body?.code).toBe("bad_request");
  });

  it("refuses a session older than the window a token unless the password comes along", async () => {
    const { user, password } = await createUser();
    const stale = await sessionCookie(user, { verifiedMinutesAgo: 30 });
    const body = { name: "CI", scopes: ["read", "write"], expiresInDays: 30 };
    expect(refusal(await api("POST", "/api/v1/users/me/tokens", { as: stale, body }))).toEqual({
      status: 403,
      code: "reauthentication_required",
    });
    expect((await api("POST", "/api/v1/users/me/tokens", { as: stale, body: { ...body, password: "not it" } })).body?.errors).toEqual([
      { field: "password", message: "The password is incorrect." },
    ]);
    expect((await api("POST", "/api/v1/users/me/tokens", { as: stale, body: { ...body, password } })).status).toBe(201);
  });
});

// Reproduced in review (High): an admin whose session was an hour old was refused creating
// an admin, but imported one with a password hash, who then signed in.
describe("importing users is a confirmed action", () => {
  it("refuses a stale session, whatever the roles in the file, and creates nobody", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const stale = await sessionCookie(admin, anHourAgo);
    const email = uniqueEmail("imported-admin");
    const rows = [{ email, role: "admin", passwordHash: "$2b$10$abcdefghijklmnopqrstuuJ8tD0J6Rjv3fQm2Uu1J6u3iJ6lR1b6e" }];
    const answer = await api("POST", "/api/v1/users/import", { as: stale, body: rows });
    expect(refusal(answer)).toEqual({ status: 403, code: "reauthentication_required" });
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect(refusal(await api("POST", "/api/v1/users/import", { as: stale, body: [{ email: uniqueEmail() }] }))).toEqual({
      status: 403,
      code: "reauthentication_required",
    });
  });

  it("imports for a session confirmed within the window", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const fresh = await sessionCookie(admin);
    const email = uniqueEmail("imported");
    const answer = await api("POST", "/api/v1/users/import", { as: fresh, body: [{ email, role: "user" }] });
    expect(answer.status).toBe(201);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });
});

describe("a confirmation counts for STEP_UP_MINUTES", () => {
  it("lets a code confirmed through /users/me/verify stand for the next sensitive action, until the window passes", async () => {
    const { user, password, nextCode } = await createUserWithTotp({ role: "superadmin" });
    const { user: target } = await createUser();
    const { cookie, sessionId } = await sessionCookie(user, anHourAgo);
    const session = { cookie };
    expect((await api("POST", "/api/v1/users/me/verify", { as: session, body: { password } })).body?.errors).toEqual([
      { field: "otp", message: "Your account uses a second factor: enter a code from your app or a recovery code, or use a passkey." },
    ]);
    expect((await api("POST", "/api/v1/users/me/verify", { as: session, body: { otp: nextCode() } })).status).toBe(204);
    expect((await api("PATCH", `/api/v1/users/${target.id}`, { as: session, body: { role: "admin" } })).body).toMatchObject({
      role: "admin",
    });
    await db().session.update({ where: { id: sessionId }, data: { verifiedAt: new Date(Date.now() - 6 * 60_000) } });
    expect(refusal(await api("PATCH", `/api/v1/users/${target.id}`, { as: session, body: { role: "user" } }))).toEqual({
      status: 403,
      code: "second_factor_required",
    });
  });
});
