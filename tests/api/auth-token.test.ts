import { randomUUID } from "node:crypto";
import * as oauth from "openid-client";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRoutes } from "@/tests/support/api";
import { bearer, clientAt, type ApiClient } from "@/tests/support/api-client";
import { createUser, uniqueEmail } from "@/tests/support/factories";

/** A standard OAuth client library, configured as any third-party client would be, its requests answered by the route handlers. */
function oauthClient(client: ApiClient) {
  const configuration = new oauth.Configuration(
    { issuer: "http://localhost:3000", token_endpoint: "http://localhost:3000/api/v1/auth/token" },
    "route-test-client",
    undefined,
    oauth.None(),
  );
  oauth.allowInsecureRequests(configuration);
  configuration[oauth.customFetch] = async (url, options) => {
    const { pathname, search } = new URL(url);
    const answer = await client.call(options.method, `${pathname}${search}`, { body: options.body?.toString(), headers: options.headers });
    return new Response(answer.text || null, { status: answer.status, headers: answer.headers });
  };
  return configuration;
}

/** A user who signs in with a password, and a client of their own. */
async function signedUp() {
  const { user, password } = await createUser();
  const client = clientAt();
  const passwordGrant = (scope = "read write") =>
    oauth.genericGrantRequest(oauthClient(client), "password", { username: user.email, password, scope });
  return { user, password, client, passwordGrant };
}

describe("the token endpoint and the tokens it issues", () => {
  beforeAll(loadRoutes);

  it("a standard OAuth client gets tokens with the password grant and uses them", async () => {
    const { user, client, passwordGrant } = await signedUp();
    const tokens = await passwordGrant();
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 600, scope: "read write" });
    expect(tokens.refresh_token).toMatch(/^umr_/);

    const me = await client.call("GET", "/api/v1/users/me", { as: bearer(tokens.access_token) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: user.email });
  });

  it("answers no-store and OAuth error bodies", async () => {
    const { user, password, client } = await signedUp();
    const granted = await client.form("/api/v1/auth/token", { grant_type: "password", username: user.email, password });
    expect(granted.headers.get("cache-control")).toBe("no-store");

    const cases: [Record<string, string>, string][] = [
      [{ grant_type: "client_credentials" }, "unsupported_grant_type"],
      [{ grant_type: "password", username: user.email }, "invalid_request"],
      [{ grant_type: "password", username: user.email, password, scope: "admin" }, "invalid_scope"],
      [{ grant_type: "refresh_token", refresh_token: "umr_read_nonsense" }, "invalid_grant"],
    ];
    for (const [form, error] of cases) {
      const response = await client.form("/api/v1/auth/token", form);
      expect(response.status, error).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ error, error_description: expect.any(String) });
    }

    const json = await client.call("POST", "/api/v1/auth/token", { body: { grant_type: "password" } });
    expect(json.status).toBe(400);
    expect(json.body?.error).toBe("invalid_request");
  });

  it("rotates refresh tokens, and reusing one ends the session", async () => {
    const { client, passwordGrant } = await signedUp();
    const first = await passwordGrant();
    const second = await oauth.refreshTokenGrant(oauthClient(client), first.refresh_token!);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(second.access_token) })).status).toBe(200);

    const reuse = await oauth.refreshTokenGrant(oauthClient(client), first.refresh_token!).then(
      () => null,
      (error: unknown) => error,
    );
    expect(reuse).toBeInstanceOf(oauth.ResponseBodyError);
    expect((reuse as oauth.ResponseBodyError).error).toBe("invalid_grant");

    const cut = await client.call("GET", "/api/v1/users/me", { as: bearer(second.access_token) });
    expect(cut.status).toBe(401);
    expect(cut.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("fails a revoked token on the very next request; logout ends the session", async () => {
    const { client, passwordGrant } = await signedUp();
    const tokens = await passwordGrant();
    const revoked = await client.form("/api/v1/auth/revoke", { token: tokens.access_token, token_type_hint: "access_token" });
    expect(revoked.status).toBe(200);
    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(tokens.access_token) })).status).toBe(401);
    expect((await client.form("/api/v1/auth/revoke", { token: "never issued" })).status).toBe(200);

    const other = await passwordGrant();
    const logout = await client.call("POST", "/api/v1/auth/logout", { as: bearer(other.access_token) });
    expect(logout.status).toBe(204);
    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(other.access_token) })).status).toBe(401);
    const refresh = await client.form("/api/v1/auth/token", { grant_type: "refresh_token", refresh_token: other.refresh_token! });
    expect(refresh.body?.error).toBe("invalid_grant");
  });

  it("lets a read-only personal access token read, and answers 403 to its writes", async () => {
    const { client, passwordGrant } = await signedUp();
    const tokens = await passwordGrant();
    const created = await client.call("POST", "/api/v1/users/me/tokens", {
      as: bearer(tokens.access_token),
      body: { name: `read-only ${randomUUID()}`, scopes: ["read"], expiresInDays: 7 },
    });
    expect(created.status).toBe(201);
    const pat = created.body as { id: string; token: string };
    expect(pat.token).toMatch(/^umt_/);

    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(pat.token) })).status).toBe(200);
    const write = await client.call("DELETE", `/api/v1/users/me/tokens/${pat.id}`, { as: bearer(pat.token) });
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toBe('Bearer realm="api", error="insufficient_scope", scope="write"');

    const listed = await client.call("GET", "/api/v1/users/me/tokens", { as: bearer(tokens.access_token) });
    expect(listed.body?.data).toContainEqual(expect.objectContaining({ id: pat.id, prefix: pat.token.slice(0, 12) }));

    const revoked = await client.call("DELETE", `/api/v1/users/me/tokens/${pat.id}`, { as: bearer(tokens.access_token) });
    expect(revoked.status).toBe(204);
    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(pat.token) })).status).toBe(401);
  });

  it("answers repeated failures with 429 and Retry-After, the same for any email", async () => {
    const client = clientAt();
    const email = uniqueEmail("nobody");
    const statuses: number[] = [];
    let last;
    for (let attempt = 0; attempt < 5; attempt++) {
      last = await client.form("/api/v1/auth/token", { grant_type: "password", username: email, password: "wrong" });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    expect(last!.headers.get("retry-after")).toBe("30");
    expect(last!.body).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("manages sessions and the password over the API", async () => {
    const { password, client, passwordGrant } = await signedUp();
    const [current, other, third] = [await passwordGrant(), await passwordGrant(), await passwordGrant()];

    const listed = await client.call("GET", "/api/v1/users/me/sessions", { as: bearer(current.access_token) });
    const sessions = listed.body?.data as { id: string; current: boolean; kind: string }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const thirdSession = sessions.find((session) => !session.current)!;
    expect((await client.call("DELETE", `/api/v1/users/me/sessions/${thirdSession.id}`, { as: bearer(current.access_token) })).status).toBe(
      204,
    );
    const stillSignedIn = await Promise.all(
      [other, third].map(async (tokens) => (await client.call("GET", "/api/v1/users/me", { as: bearer(tokens.access_token) })).status),
    );
    expect(stillSignedIn.sort()).toEqual([200, 401]);

    const invalid = await client.call("PATCH", "/api/v1/users/me/password", {
      as: bearer(current.access_token),
      body: { currentPassword: password, newPassword: "Password1!" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body?.errors).toEqual([
      { field: "newPassword", message: "This is a common password with digits or symbols added; choose one that is harder to guess." },
    ]);

    const changed = await client.call("PATCH", "/api/v1/users/me/password", {
      as: bearer(current.access_token),
      body: { currentPassword: password, newPassword: "a new and uncommon passphrase" },
    });
    expect(changed.body).toEqual({ endedSessions: 1, revokedTokens: 0 });
    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(other.access_token) })).status).toBe(401);
    expect((await client.call("GET", "/api/v1/users/me", { as: bearer(current.access_token) })).status).toBe(200);
  });
});
