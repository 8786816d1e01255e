import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { createUser } from "@/tests/support/factories";
import { codeFor, redeemCode, tokenRequest, warmUpProvider } from "@/tests/support/oidc-flow";

type Tokens = { access_token: string; refresh_token?: string; id_token?: string };

/** A user signed in to a first-party application, which holds the user's tokens: an API token and a refresh token. */
async function signedInApplication() {
  const { user } = await createUser();
  const { application, clientSecret } = await createApplication({ firstParty: true });
  const client = { clientId: application.clientId, clientSecret };
  const jar = new CookieJar((await sessionCookie(user)).cookie);
  // OIDC Core 11: offline access is asked for with prompt=consent; a first-party application's is granted without a screen.
  const { code, verifier } = await codeFor(jar, client.clientId, { scope: "openid offline_access read", extra: { prompt: "consent" } });
  const answer = await redeemCode(client, code, verifier);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { user, client, jar, code, verifier, tokens: answer.body as Tokens };
}

const refresh = (client: { clientId: string; clientSecret: string | null }, refreshToken: string) =>
  tokenRequest(client, { grant_type: "refresh_token", refresh_token: refreshToken });

beforeAll(warmUpProvider);

const apiStatus = async (accessToken: string) => (await api("GET", "/api/v1/users/me", { as: { bearer: accessToken } })).status;

describe("refresh tokens", () => {
  it("are rotated on every use: each refresh gives a new one and a working access token", async () => {
    const { client, tokens } = await signedInApplication();
    const first = await refresh(client, tokens.refresh_token!);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const rotated = first.body as Tokens;
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect(await apiStatus(rotated.access_token)).toBe(200);

    const second = await refresh(client, rotated.refresh_token!);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect((second.body as Tokens).refresh_token).not.toBe(rotated.refresh_token);
  });

  describe("from the attacker's side", () => {
    it("a stolen, already used refresh token revokes the whole family: the latest tokens stop working too", async () => {
      const { client, tokens } = await signedInApplication();
      const rotated = (await refresh(client, tokens.refresh_token!)).body as Tokens;
      const latest = (await refresh(client, rotated.refresh_token!)).body as Tokens;
      expect(await apiStatus(latest.access_token)).toBe(200);

      const replay = await refresh(client, tokens.refresh_token!);
      expect(replay.status).toBe(400);
      expect(replay.body).toMatchObject({ error: "invalid_grant" });

      // The legitimate application's newest refresh token and access token died with the family.
      const legitimate = await refresh(client, latest.refresh_token!);
      expect(legitimate.body).toMatchObject({ error: "invalid_grant" });
      expect(await apiStatus(latest.access_token)).toBe(401);
      expect(await apiStatus(tokens.access_token)).toBe(401);
    });

    it("another client cannot use an application's refresh token", async () => {
      const { tokens } = await signedInApplication();
      const other = await createApplication({ firstParty: true });
      const stolen = await refresh({ clientId: other.application.clientId, clientSecret: other.clientSecret }, tokens.refresh_token!);
      expect(stolen.body).toMatchObject({ error: "invalid_grant" });
    });
  });
});

describe("authorization codes", () => {
  it("are single use: a replayed code is refused and revokes the tokens it gave", async () => {
    const { client, code, verifier, tokens } = await signedInApplication();
    expect(await apiStatus(tokens.access_token)).toBe(200);

    const replay = await redeemCode(client, code, verifier);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: "invalid_grant" });

    expect(await apiStatus(tokens.access_token)).toBe(401);
    expect((await refresh(client, tokens.refresh_token!)).body).toMatchObject({ error: "invalid_grant" });
  });

  it("are bound to their client and redirect URI", async () => {
    const { user } = await createUser();
    const { application, clientSecret } = await createApplication({ firstParty: true });
    const jar = new CookieJar((await sessionCookie(user)).cookie);
    const other = await createApplication({ firstParty: true });

    const first = await codeFor(jar, application.clientId, { scope: "openid" });
    const elsewhere = await redeemCode(
      { clientId: other.application.clientId, clientSecret: other.clientSecret },
      first.code,
      first.verifier,
    );
    expect(elsewhere.body).toMatchObject({ error: "invalid_grant" });

    const second = await codeFor(jar, application.clientId, { scope: "openid" });
    const wrongUri = await tokenRequest(
      { clientId: application.clientId, clientSecret },
      {
        grant_type: "authorization_code",
        code: second.code,
        code_verifier: second.verifier,
        redirect_uri: "https://app.example.test/other",
      },
    );
    expect(wrongUri.body).toMatchObject({ error: "invalid_grant" });
  });
});
