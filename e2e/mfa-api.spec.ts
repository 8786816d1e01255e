import { expect, test, type APIRequestContext } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { createUserViaApi, signedInAs, type CreatedUser } from "./users-support";

const mfaOtpGrant = "urn:usermanager:params:oauth:grant-type:mfa-otp";
/** Confirmation spends the current 30 s step; a second code within it must come from the next one. */
const nextStep = () => Date.now() + 30_000;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function tokenRequest(request: APIRequestContext, form: Record<string, string>) {
  const response = await request.post("/api/v1/auth/token", { form });
  return { status: response.status(), headers: response.headers(), body: await response.json() };
}

const passwordGrant = (request: APIRequestContext, user: CreatedUser) =>
  tokenRequest(request, { grant_type: "password", username: user.email, password: user.password, client_id: "mfa-e2e" });

/** Enrols an authenticator app over the API with the caller's bearer token; returns its secret and recovery codes. */
async function enrolOverApi(request: APIRequestContext, accessToken: string) {
  const started = await request.post("/api/v1/users/me/mfa/totp", { headers: bearer(accessToken) });
  expect(started.status()).toBe(201);
  expect(started.headers()["cache-control"]).toBe("no-store");
  const { secret, uri } = (await started.json()) as { secret: string; uri: string };
  expect(uri).toMatch(/^otpauth:\/\/totp\//);

  const wrong = totpCode(secret) === "000000" ? "111111" : "000000";
  const refused = await request.post("/api/v1/users/me/mfa/totp/confirm", { headers: bearer(accessToken), data: { code: wrong } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors).toEqual([expect.objectContaining({ field: "code" })]);

  const confirmed = await request.post("/api/v1/users/me/mfa/totp/confirm", {
    headers: bearer(accessToken),
    data: { code: totpCode(secret) },
  });
  expect(confirmed.status()).toBe(200);
  expect(confirmed.headers()["cache-control"]).toBe("no-store");
  const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

test("a client enrols an authenticator app over the API, then signs in with the password and a code", async ({ browser, request }) => {
  const superadmin = await signedInAs(browser);
  const user = await createUserViaApi(superadmin.request, "user", undefined, true);
  const first = await passwordGrant(request, user);
  expect(first.status).toBe(200);

  const empty = await request.get("/api/v1/users/me/mfa", { headers: bearer(first.body.access_token) });
  expect(await empty.json()).toEqual({ factors: [], recoveryCodesRemaining: 0 });
  const { secret, recoveryCodes } = await enrolOverApi(request, first.body.access_token);
  const summary = await (await request.get("/api/v1/users/me/mfa", { headers: bearer(first.body.access_token) })).json();
  expect(summary).toMatchObject({ factors: [{ kind: "totp", name: "Authenticator app" }], recoveryCodesRemaining: 10 });
  expect(JSON.stringify(summary)).not.toContain(secret);

  // The password alone now opens nothing: 403 mfa_required with a token to send the code with.
  const challenge = await passwordGrant(request, user);
  expect(challenge.status).toBe(403);
  expect(challenge.headers["cache-control"]).toBe("no-store");
  expect(challenge.body).toEqual({ error: "mfa_required", error_description: expect.any(String), mfa_token: expect.any(String) });
  const mfaToken = challenge.body.mfa_token as string;

  const wrong = await tokenRequest(request, {
    grant_type: mfaOtpGrant,
    mfa_token: mfaToken,
    otp: "000000" === totpCode(secret, nextStep()) ? "111111" : "000000",
  });
  expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

  const granted = await tokenRequest(request, { grant_type: mfaOtpGrant, mfa_token: mfaToken, otp: totpCode(secret, nextStep()) });
  expect(granted.status).toBe(200);
  expect(granted.body).toMatchObject({ token_type: "Bearer", scope: "read write", refresh_token: expect.stringMatching(/^umr_/) });
  const me = await request.get("/api/v1/users/me", { headers: bearer(granted.body.access_token) });
  expect(await me.json()).toMatchObject({ email: user.email });

  // The mfa_token worked once: not again, not even with another valid proof.
  const reused = await tokenRequest(request, { grant_type: mfaOtpGrant, mfa_token: mfaToken, recovery_code: recoveryCodes[0]! });
  expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  const neither = await tokenRequest(request, { grant_type: mfaOtpGrant, mfa_token: mfaToken });
  expect(neither).toMatchObject({ status: 400, body: { error: "invalid_request" } });

  // A recovery code does instead of the app, once; regenerating retires the rest.
  const again = await passwordGrant(request, user);
  const recovered = await tokenRequest(request, {
    grant_type: mfaOtpGrant,
    mfa_token: again.body.mfa_token,
    recovery_code: recoveryCodes[0]!,
  });
  expect(recovered.status).toBe(200);
  const regenerated = await request.post("/api/v1/users/me/mfa/recovery-codes", { headers: bearer(recovered.body.access_token) });
  expect(regenerated.status()).toBe(200);
  expect(regenerated.headers()["cache-control"]).toBe("no-store");
  const fresh = ((await regenerated.json()) as { recoveryCodes: string[] }).recoveryCodes;
  const retired = await passwordGrant(request, user);
  const old = await tokenRequest(request, { grant_type: mfaOtpGrant, mfa_token: retired.body.mfa_token, recovery_code: recoveryCodes[1]! });
  expect(old).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  const current = await tokenRequest(request, { grant_type: mfaOtpGrant, mfa_token: retired.body.mfa_token, recovery_code: fresh[0]! });
  expect(current.status).toBe(200);

  // Removing the last factor needs a proof: the session from before enrolment was confirmed by the password alone,
  // so it is asked for a code (step-up) unless it sends the password, which the last factor accepts.
  const unproven = await request.delete("/api/v1/users/me/mfa/totp", { headers: bearer(first.body.access_token), data: {} });
  expect(unproven.status()).toBe(403);
  expect(await unproven.json()).toMatchObject({ code: "second_factor_required" });
  const removed = await request.delete("/api/v1/users/me/mfa/totp", {
    headers: bearer(first.body.access_token),
    data: { password: user.password },
  });
  expect(removed.status()).toBe(204);
  expect((await passwordGrant(request, user)).status).toBe(200);
});

test("administrators see a user's factors, filter by them, and reset them, which signs the user out", async ({ browser, request }) => {
  const superadmin = await signedInAs(browser);
  const user = await createUserViaApi(superadmin.request, "user", undefined, true);
  const tokens = (await passwordGrant(request, user)).body;
  const { secret } = await enrolOverApi(request, tokens.access_token);

  const detail = await superadmin.request.get(`/api/v1/users/${user.id}`);
  const body = await detail.json();
  expect(body).toMatchObject({ mfaEnabled: true, factors: [{ kind: "totp", name: "Authenticator app", lastUsedAt: expect.any(String) }] });
  expect(JSON.stringify(body)).not.toContain(secret);
  const listed = async (hasMfa: string) =>
    (
      (await (await superadmin.request.get(`/api/v1/users?q=${encodeURIComponent(user.email)}&hasMfa=${hasMfa}`)).json()) as {
        data: { id: string }[];
      }
    ).data.map((row) => row.id);
  expect(await listed("true")).toEqual([user.id]);
  expect(await listed("false")).toEqual([]);
  const invalid = await superadmin.request.get("/api/v1/users?hasMfa=yes");
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual([expect.objectContaining({ field: "hasMfa" })]);

  // An admin may not reset a superadmin's factors.
  const admin = await createUserViaApi(superadmin.request, "admin", undefined, true);
  const adminSession = await signedInAs(browser, admin.email, admin.password);
  const other = await createUserViaApi(superadmin.request, "superadmin");
  expect((await adminSession.request.post(`/api/v1/users/${other.id}/mfa/reset`)).status()).toBe(403);

  const reset = await adminSession.request.post(`/api/v1/users/${user.id}/mfa/reset`);
  expect(reset.status()).toBe(200);
  expect(await reset.json()).toEqual({ removedFactors: 1, endedSessions: 1 });
  expect((await request.get("/api/v1/users/me", { headers: bearer(tokens.access_token) })).status()).toBe(401);
  const refreshed = await tokenRequest(request, { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
  expect(refreshed).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  expect((await passwordGrant(request, user)).status).toBe(200);
  expect(await (await superadmin.request.get(`/api/v1/users/${user.id}`)).json()).toMatchObject({ mfaEnabled: false, factors: [] });
});

test("the admin pages show the factors, filter by them in the URL, and reset them after confirming", async ({ browser, request }) => {
  const superadmin = await signedInAs(browser);
  const user = await createUserViaApi(superadmin.request, "user", undefined, true);
  await enrolOverApi(request, (await passwordGrant(request, user)).body.access_token);
  const { page } = superadmin;

  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await page.getByLabel("Second factor").selectOption("false");
  await expect(page).toHaveURL(/hasMfa=false/);
  await expect(page.getByText("No users match.")).toBeVisible();
  await page.getByLabel("Second factor").selectOption("true");
  await expect(page).toHaveURL(/hasMfa=true/);
  await page.getByRole("link", { name: user.email }).click();

  const factors = page.getByRole("region", { name: "Second factors (1)" });
  await expect(factors).toContainText("Authenticator app");
  await factors.getByRole("button", { name: "Reset second factors" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset second factors" }).click();
  await expect(page.getByRole("region", { name: "Second factors (0)" })).toContainText("the password alone signs in");
  await expect(page.getByRole("region", { name: "Second factors (0)" }).getByRole("button")).toHaveCount(0);
});
