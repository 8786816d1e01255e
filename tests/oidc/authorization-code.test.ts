import { beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { createUser } from "@/tests/support/factories";
import { authorizationUrl, followBrowser, pkce, tokenRequest, warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

/** Signs the user's browser in to a first-party application and swaps the code for tokens. */
async function signInToFirstParty(user: { id: string }, scope: string, extra: Record<string, string> = {}) {
  const { application, clientSecret } = await createApplication({ firstParty: true });
  const jar = new CookieJar((await sessionCookie(user)).cookie);
  const { verifier, challenge } = pkce();
  const { location, hops } = await followBrowser(jar, authorizationUrl(application.clientId, { scope, challenge, extra }));
  expect(location.origin, hops.join(" → ")).toBe("https://app.example.test");
  const code = location.searchParams.get("code");
  expect(code, location.toString()).toBeTruthy();
  const tokens = await tokenRequest(
    { clientId: application.clientId, clientSecret },
    { grant_type: "authorization_code", code: code!, redirect_uri: "https://app.example.test/callback", code_verifier: verifier },
  );
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  return { application, tokens: tokens.body as { access_token: string; id_token: string; refresh_token?: string } };
}

describe("an application signs a user in (authorization code with PKCE)", () => {
  it("reuses the browser's session for a first-party application: ID token with how they signed in, profile in userinfo", async () => {
    const { user } = await createUser();
    const { tokens } = await signInToFirstParty(user, "openid profile email offline_access", {
      // OIDC Core 11: offline access is asked for with prompt=consent; a first-party application's is granted without a screen.
      prompt: "consent",
    });
    const idToken = decodeJwt(tokens.id_token);
    expect(idToken).toMatchObject({ sub: user.id, amr: ["pwd"], acr: "urn:usermanager:acr:1fa" });
    expect(typeof idToken.auth_time).toBe("number");
    // The profile travels in the UserInfo response, not in the ID token (OIDC Core 5.4).
    expect(idToken.email).toBeUndefined();
    expect(tokens.refresh_token).toBeTruthy();

    const userinfo = await api("GET", "/oidc/me", { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.body).toMatchObject({ sub: user.id, email: user.email, email_verified: user.emailVerified !== null });
  });

  it("issues an access token for the API (RFC 9068) that /api/v1 accepts as the user, within its scopes", async () => {
    const { user } = await createUser();
    const { tokens } = await signInToFirstParty(user, "openid read");
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ sub: user.id, aud: "http://localhost:3000/api/v1", scope: "read" });

    const me = await api("GET", "/api/v1/users/me", { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body).toMatchObject({ id: user.id });
    // `read` only: a change is refused for want of the write scope.
    const rename = await api("PATCH", "/api/v1/users/me", {
      body: { name: "Renamed" },
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(rename.status).toBe(403);
  });
});
