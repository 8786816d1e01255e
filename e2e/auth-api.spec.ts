import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import * as oauth from "openid-client";
import { admin } from "./support";
import { createTestUser } from "./users";

const baseUrl = process.env.E2E_BASE_URL ?? "";

/** A standard OAuth client library, configured as any third-party client would be. */
function oauthClient() {
  const configuration = new oauth.Configuration(
    { issuer: baseUrl, token_endpoint: `${baseUrl}/api/v1/auth/token` },
    "e2e-client",
    undefined,
    oauth.None(),
  );
  oauth.allowInsecureRequests(configuration);
  return configuration;
}

const passwordGrant = (scope = "read write") =>
  oauth.genericGrantRequest(oauthClient(), "password", { username: admin.email, password: admin.password, scope });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function postForm(request: APIRequestContext, path: string, form: Record<string, string>) {
  return request.post(path, { form });
}

test("a standard OAuth client gets tokens with the password grant and uses them", async ({ request }) => {
  const tokens = await passwordGrant();
  expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 600, scope: "read write" });
  expect(tokens.refresh_token).toMatch(/^umr_/);

  const me = await request.get("/api/v1/users/me", { headers: bearer(tokens.access_token) });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: admin.email });
});

test("the token endpoint answers no-store and OAuth error bodies", async ({ request }) => {
  const granted = await postForm(request, "/api/v1/auth/token", {
    grant_type: "password",
    username: admin.email,
    password: admin.password,
  });
  expect(granted.headers()["cache-control"]).toBe("no-store");

  const cases: [Record<string, string>, string][] = [
    [{ grant_type: "client_credentials" }, "unsupported_grant_type"],
    [{ grant_type: "password", username: admin.email }, "invalid_request"],
    [{ grant_type: "password", username: admin.email, password: admin.password, scope: "admin" }, "invalid_scope"],
    [{ grant_type: "refresh_token", refresh_token: "umr_read_nonsense" }, "invalid_grant"],
  ];
  for (const [form, error] of cases) {
    const response = await postForm(request, "/api/v1/auth/token", form);
    expect(response.status(), error).toBe(400);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error, error_description: expect.any(String) });
  }

  const json = await request.post("/api/v1/auth/token", { data: { grant_type: "password" } });
  expect(json.status()).toBe(400);
  expect((await json.json()).error).toBe("invalid_request");
});

test("refresh tokens rotate, and reusing one ends the session", async ({ request }) => {
  const first = await passwordGrant();
  const second = await oauth.refreshTokenGrant(oauthClient(), first.refresh_token!);
  expect(second.refresh_token).not.toBe(first.refresh_token);
  expect((await request.get("/api/v1/users/me", { headers: bearer(second.access_token) })).status()).toBe(200);

  const reuse = await oauth.refreshTokenGrant(oauthClient(), first.refresh_token!).then(
    () => null,
    (error: unknown) => error,
  );
  expect(reuse).toBeInstanceOf(oauth.ResponseBodyError);
  expect((reuse as oauth.ResponseBodyError).error).toBe("invalid_grant");

  const cut = await request.get("/api/v1/users/me", { headers: bearer(second.access_token) });
  expect(cut.status()).toBe(401);
  expect(cut.headers()["www-authenticate"]).toContain('error="invalid_token"');
});

test("a revoked token fails on the very next request; logout ends the session", async ({ request }) => {
  const tokens = await passwordGrant();
  const revoked = await postForm(request, "/api/v1/auth/revoke", { token: tokens.access_token, token_type_hint: "access_token" });
  expect(revoked.status()).toBe(200);
  expect((await request.get("/api/v1/users/me", { headers: bearer(tokens.access_token) })).status()).toBe(401);
  expect((await postForm(request, "/api/v1/auth/revoke", { token: "never issued" })).status()).toBe(200);

  const other = await passwordGrant();
  const logout = await request.post("/api/v1/auth/logout", { headers: bearer(other.access_token) });
  expect(logout.status()).toBe(204);
  expect((await request.get("/api/v1/users/me", { headers: bearer(other.access_token) })).status()).toBe(401);
  const refresh = await postForm(request, "/api/v1/auth/token", { grant_type: "refresh_token", refresh_token: other.refresh_token! });
  expect((await refresh.json()).error).toBe("invalid_grant");
});

test("a read-only personal access token reads but gets 403 on a write", async ({ request }) => {
  const tokens = await passwordGrant();
  const created = await request.post("/api/v1/users/me/tokens", {
    headers: bearer(tokens.access_token),
    data: { name: `read-only ${randomUUID()}`, scopes: ["read"], expiresInDays: 7 },
  });
  expect(created.status()).toBe(201);
  const pat = await created.json();
  expect(pat.token).toMatch(/^umt_/);

  expect((await request.get("/api/v1/users/me", { headers: bearer(pat.token) })).status()).toBe(200);
  const write = await request.delete(`/api/v1/users/me/tokens/${pat.id}`, { headers: bearer(pat.token) });
  expect(write.status()).toBe(403);
  expect(write.headers()["www-authenticate"]).toBe('Bearer realm="api", error="insufficient_scope", scope="write"');

  const listed = await request.get("/api/v1/users/me/tokens", { headers: bearer(tokens.access_token) });
  expect((await listed.json()).data).toContainEqual(expect.objectContaining({ id: pat.id, prefix: pat.token.slice(0, 12) }));

  const revoked = await request.delete(`/api/v1/users/me/tokens/${pat.id}`, { headers: bearer(tokens.access_token) });
  expect(revoked.status()).toBe(204);
  expect((await request.get("/api/v1/users/me", { headers: bearer(pat.token) })).status()).toBe(401);
});

test("repeated failures get 429 with Retry-After, the same for any email", async ({ request }) => {
  const email = `nobody-${randomUUID()}@example.test`;
  const statuses: number[] = [];
  let last;
  for (let attempt = 0; attempt < 5; attempt++) {
    last = await postForm(request, "/api/v1/auth/token", { grant_type: "password", username: email, password: "wrong" });
    statuses.push(last.status());
  }
  expect(statuses).toEqual([400, 400, 400, 400, 429]);
  expect(last!.headers()["retry-after"]).toBe("30");
  expect(await last!.json()).toMatchObject({ error: "temporarily_unavailable" });
});

test("sessions and the password are managed over the API", async ({ request }) => {
  const user = await createTestUser("api-account");
  const grant = () => oauth.genericGrantRequest(oauthClient(), "password", { username: user.email, password: user.password });
  const [current, other, third] = [await grant(), await grant(), await grant()];

  const listed = await request.get("/api/v1/users/me/sessions", { headers: bearer(current.access_token) });
  const sessions = (await listed.json()).data as { id: string; current: boolean; kind: string }[];
  expect(sessions).toHaveLength(3);
  expect(sessions.filter((session) => session.current)).toHaveLength(1);
  const thirdSession = sessions.find((session) => !session.current)!;
  expect((await request.delete(`/api/v1/users/me/sessions/${thirdSession.id}`, { headers: bearer(current.access_token) })).status()).toBe(
    204,
  );
  const stillSignedIn = await Promise.all(
    [other, third].map(async (tokens) => (await request.get("/api/v1/users/me", { headers: bearer(tokens.access_token) })).status()),
  );
  expect(stillSignedIn.sort()).toEqual([200, 401]);

  const invalid = await request.patch("/api/v1/users/me/password", {
    headers: bearer(current.access_token),
    data: { currentPassword: user.password, newPassword: "Password1!" },
  });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual([
    { field: "newPassword", message: "This is a common password with digits or symbols added; choose one that is harder to guess." },
  ]);

  const changed = await request.patch("/api/v1/users/me/password", {
    headers: bearer(current.access_token),
    data: { currentPassword: user.password, newPassword: "a new and uncommon passphrase" },
  });
  expect(await changed.json()).toEqual({ endedSessions: 1, revokedTokens: 0 });
  expect((await request.get("/api/v1/users/me", { headers: bearer(other.access_token) })).status()).toBe(401);
  expect((await request.get("/api/v1/users/me", { headers: bearer(current.access_token) })).status()).toBe(200);
});
