import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { createUser } from "@/tests/support/factories";
import { codeFor, redeemCode, tokenRequest, warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

type Client = { clientId: string; clientSecret: string | null };
type Tokens = { access_token: string; refresh_token: string };

/** A confidential application's call to one of the provider's endpoints for clients, authenticated with its secret. */
const asClient = (client: Client, path: string, form: Record<string, string>) =>
  api("POST", path, {
    body: new URLSearchParams(form).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
    },
  });
const introspect = (client: Client, token: string) => asClient(client, "/oidc/token/introspection", { token });
const revoke = (client: Client, token: string) => asClient(client, "/oidc/token/revocation", { token });

async function newClient(): Promise<Client> {
  const { application, clientSecret } = await createApplication({ firstParty: true });
  return { clientId: application.clientId, clientSecret };
}

/** A user signed in to an application: a userinfo access token, an API access token, and the refresh token of each grant. */
async function signedIn() {
  const { user } = await createUser();
  const client = await newClient();
  const jar = new CookieJar((await sessionCookie(user)).cookie);
  const tokens = async (scope: string) => {
    const { code, verifier } = await codeFor(jar, client.clientId, {
      scope: `openid offline_access ${scope}`,
      extra: { prompt: "consent" },
    });
    const answer = await redeemCode(client, code, verifier);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as Tokens;
  };
  return { user, client, userinfoTokens: await tokens("profile"), apiTokens: await tokens("read") };
}

const userinfoStatus = async (token: string) => (await api("GET", "/oidc/me", { as: { bearer: token } })).status;
const apiStatus = async (token: string) => (await api("GET", "/api/v1/users/me", { as: { bearer: token } })).status;

describe("introspection (RFC 7662)", () => {
  it("tells a client about its own access and refresh tokens", async () => {
    const { user, client, userinfoTokens } = await signedIn();
    const access = await introspect(client, userinfoTokens.access_token);
    expect(access.body).toMatchObject({ active: true, client_id: client.clientId, sub: user.id, token_type: "Bearer" });
    const refresh = await introspect(client, userinfoTokens.refresh_token);
    expect(refresh.body).toMatchObject({ active: true, client_id: client.clientId, sub: user.id });
  });

  describe("from the attacker's side", () => {
    it("another client's tokens read inactive, and nothing about them leaks", async () => {
      const { userinfoTokens } = await signedIn();
      const other = await newClient();
      for (const token of [userinfoTokens.access_token, userinfoTokens.refresh_token]) {
        const answer = await introspect(other, token);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ active: false });
      }
    });

    it("refuses a caller without the client's secret", async () => {
      const { client, userinfoTokens } = await signedIn();
      const answer = await introspect({ ...client, clientSecret: "umcs_wrong" }, userinfoTokens.access_token);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: "invalid_client" });
    });
  });
});

describe("revocation (RFC 7009)", () => {
  it("a revoked access token stops working at userinfo", async () => {
    const { client, userinfoTokens } = await signedIn();
    expect(await userinfoStatus(userinfoTokens.access_token)).toBe(200);
    expect((await revoke(client, userinfoTokens.access_token)).status).toBe(200);
    expect(await userinfoStatus(userinfoTokens.access_token)).toBe(401);
    expect((await introspect(client, userinfoTokens.access_token)).body).toEqual({ active: false });
  });

  it("a revoked refresh token ends its grant: it no longer refreshes, and the grant's tokens stop at userinfo and the API", async () => {
    const { client, userinfoTokens, apiTokens } = await signedIn();
    expect(await apiStatus(apiTokens.access_token)).toBe(200);

    expect((await revoke(client, apiTokens.refresh_token)).status).toBe(200);
    expect(await apiStatus(apiTokens.access_token)).toBe(401);
    const refreshed = await tokenRequest(client, { grant_type: "refresh_token", refresh_token: apiTokens.refresh_token });
    expect(refreshed.body).toMatchObject({ error: "invalid_grant" });

    expect((await revoke(client, userinfoTokens.refresh_token)).status).toBe(200);
    expect(await userinfoStatus(userinfoTokens.access_token)).toBe(401);
  });

  it("another client cannot revoke an application's tokens: it is refused (RFC 7009 2.1), and the tokens go on working", async () => {
    const { client, userinfoTokens } = await signedIn();
    const other = await newClient();
    for (const token of [userinfoTokens.access_token, userinfoTokens.refresh_token]) {
      const answer = await revoke(other, token);
      expect({ status: answer.status, error: answer.body?.error }).toEqual({ status: 400, error: "invalid_request" });
    }
    expect(await userinfoStatus(userinfoTokens.access_token)).toBe(200);
    const refreshed = await tokenRequest(client, { grant_type: "refresh_token", refresh_token: userinfoTokens.refresh_token });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
  });
});
