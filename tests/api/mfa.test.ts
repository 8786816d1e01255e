import { beforeAll, describe, expect, it } from "vitest";
import { loadRoutes } from "@/tests/support/api";
import { totpCode } from "@/lib/auth/totp";
import { bearer, clientAt, type ApiClient } from "@/tests/support/api-client";
import { sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { nextTotpCode } from "@/tests/support/second-factors";

const mfaOtpGrant = "urn:usermanager:params:oauth:grant-type:mfa-otp";

/** A user who signs in with a password, from a client address of their own. */
async function signedUp() {
  const { user, password } = await createUser();
  const client = clientAt();
  const token = (form: Record<string, string>) => client.form("/api/v1/auth/token", form);
  const passwordGrant = () => token({ grant_type: "password", username: user.email, password, client_id: "mfa-route-test" });
  return { user, password, client, token, passwordGrant };
}

/** Enrols an authenticator app over the API with the caller's bearer token; returns its secret and recovery codes. */
async function enrolOverApi(client: ApiClient, accessToken: string) {
  const started = await client.call("POST", "/api/v1/users/me/mfa/totp", { as: bearer(accessToken) });
  expect(started.status).toBe(201);
  expect(started.headers.get("cache-control")).toBe("no-store");
  const { secret, uri } = started.body as { secret: string; uri: string };
  expect(uri).toMatch(/^otpauth:\/\/totp\//);

  const confirm = (code: string) => client.call("POST", "/api/v1/users/me/mfa/totp/confirm", { as: bearer(accessToken), body: { code } });
  const refused = await confirm(totpCode(secret) === "000000" ? "111111" : "000000");
  expect(refused.status).toBe(422);
  expect(refused.body?.errors).toEqual([expect.objectContaining({ field: "code" })]);

  const confirmed = await confirm(totpCode(secret));
  expect(confirmed.status).toBe(200);
  expect(confirmed.headers.get("cache-control")).toBe("no-store");
  const { recoveryCodes } = confirmed.body as { recoveryCodes: string[] };
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

const accessTokenOf = (answer: { body: Record<string, unknown> | null }) => answer.body?.access_token as string;

describe("second factors over the API", () => {
  beforeAll(loadRoutes);

  it("a client enrols an authenticator app, then signs in with the password and a code", async () => {
    const { user, password, client, token, passwordGrant } = await signedUp();
    const first = await passwordGrant();
    expect(first.status).toBe(200);
    const firstSession = bearer(accessTokenOf(first));

    expect((await client.call("GET", "/api/v1/users/me/mfa", { as: firstSession })).body).toEqual({
      factors: [],
      recoveryCodesRemaining: 0,
    });
    const { secret, recoveryCodes } = await enrolOverApi(client, accessTokenOf(first));
    const summary = (await client.call("GET", "/api/v1/users/me/mfa", { as: firstSession })).body;
    expect(summary).toMatchObject({ factors: [{ kind: "totp", name: "Authenticator app" }], recoveryCodesRemaining: 10 });
    expect(JSON.stringify(summary)).not.toContain(secret);

    // The password alone now opens nothing: 403 mfa_required with a token to send the code with.
    const challenge = await passwordGrant();
    expect(challenge.status).toBe(403);
    expect(challenge.headers.get("cache-control")).toBe("no-store");
    expect(challenge.body).toEqual({ error: "mfa_required", error_description: expect.any(String), mfa_token: expect.any(String) });
    const mfaToken = challenge.body!.mfa_token as string;

    const next = nextTotpCode(secret);
    const wrong = await token({ grant_type: mfaOtpGrant, mfa_token: mfaToken, otp: next === "000000" ? "111111" : "000000" });
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    const granted = await token({ grant_type: mfaOtpGrant, mfa_token: mfaToken, otp: nextTotpCode(secret) });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ token_type: "Bearer", scope: "read write", refresh_token: expect.stringMatching(/^umr_/) });
    const me = await client.call("GET", "/api/v1/users/me", { as: bearer(accessTokenOf(granted)) });
    expect(me.body).toMatchObject({ email: user.email });

    // The mfa_token worked once: not again, not even with another valid proof.
    const reused = await token({ grant_type: mfaOtpGrant, mfa_token: mfaToken, recovery_code: recoveryCodes[0]! });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const neither = await token({ grant_type: mfaOtpGrant, mfa_token: mfaToken });
    expect(neither).toMatchObject({ status: 400, body: { error: "invalid_request" } });

    // A recovery code does instead of the app, once; regenerating retires the rest.
    const again = await passwordGrant();
    const recovered = await token({
      grant_type: mfaOtpGrant,
      mfa_token: again.body!.mfa_token as string,
      recovery_code: recoveryCodes[0]!,
    });
    expect(recovered.status).toBe(200);
    const regenerated = await client.call("POST", "/api/v1/users/me/mfa/recovery-codes", { as: bearer(accessTokenOf(recovered)) });
    expect(regenerated.status).toBe(200);
    expect(regenerated.headers.get("cache-control")).toBe("no-store");
    const fresh = (regenerated.body as { recoveryCodes: string[] }).recoveryCodes;
    const retired = (await passwordGrant()).body!.mfa_token as string;
    const old = await token({ grant_type: mfaOtpGrant, mfa_token: retired, recovery_code: recoveryCodes[1]! });
    expect(old).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const current = await token({ grant_type: mfaOtpGrant, mfa_token: retired, recovery_code: fresh[0]! });
    expect(current.status).toBe(200);

    // Removing the last factor needs a proof: the session from before enrolment was confirmed by the password alone,
    // so it is asked for a code (step-up); the password does not do instead of one.
    const unproven = await client.call("DELETE", "/api/v1/users/me/mfa/totp", { as: firstSession, body: {} });
    expect(unproven.status).toBe(403);
    expect(unproven.body).toMatchObject({ code: "second_factor_required" });
    const withPassword = await client.call("DELETE", "/api/v1/users/me/mfa/totp", { as: firstSession, body: { password } });
    expect(withPassword.status).toBe(403);
    expect(withPassword.body).toMatchObject({ code: "second_factor_required" });
    const removed = await client.call("DELETE", "/api/v1/users/me/mfa/totp", { as: firstSession, body: { recoveryCode: fresh[1]! } });
    expect(removed.status).toBe(204);
    expect((await passwordGrant()).status).toBe(200);
  });

  it("administrators see a user's factors, filter by them, and reset them, which signs the user out", async () => {
    const superadmin = { cookie: (await sessionCookie((await createUser({ role: "superadmin" })).user)).cookie };
    const { user, client, token, passwordGrant } = await signedUp();
    const tokens = (await passwordGrant()).body as { access_token: string; refresh_token: string };
    const { secret } = await enrolOverApi(client, tokens.access_token);

    const detail = await client.call("GET", `/api/v1/users/${user.id}`, { as: superadmin });
    expect(detail.body).toMatchObject({
      mfaEnabled: true,
      factors: [{ kind: "totp", name: "Authenticator app", lastUsedAt: expect.any(String) }],
    });
    expect(detail.text).not.toContain(secret);
    const listed = async (hasMfa: string) =>
      (
        (await client.call("GET", `/api/v1/users?q=${encodeURIComponent(user.email)}&hasMfa=${hasMfa}`, { as: superadmin })).body as {
          data: { id: string }[];
        }
      ).data.map((row) => row.id);
    expect(await listed("true")).toEqual([user.id]);
    expect(await listed("false")).toEqual([]);
    const invalid = await client.call("GET", "/api/v1/users?hasMfa=yes", { as: superadmin });
    expect(invalid.status).toBe(422);
    expect(invalid.body?.errors).toEqual([expect.objectContaining({ field: "hasMfa" })]);

    // An admin may not reset a superadmin's factors.
    const admin = { cookie: (await sessionCookie((await createUser({ role: "admin" })).user)).cookie };
    const other = (await createUser({ role: "superadmin" })).user;
    expect((await client.call("POST", `/api/v1/users/${other.id}/mfa/reset`, { as: admin })).status).toBe(403);

    const reset = await client.call("POST", `/api/v1/users/${user.id}/mfa/reset`, { as: admin });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ removedFactors: 1, endedSessions: 1 });
    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(tokens.access_token) })).status).toBe(401);
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refreshed).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((await passwordGrant()).status).toBe(200);
    expect((await client.call("GET", `/api/v1/users/${user.id}`, { as: superadmin })).body).toMatchObject({
      mfaEnabled: false,
      factors: [],
    });
  });
});
