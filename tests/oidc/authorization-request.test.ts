import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { createUser } from "@/tests/support/factories";
import { authorizationUrl, callbackUri, codeFor, followBrowser, pkce, redeemCode, warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

/** A signed-in browser and a first-party application of the kind given (web: confidential; spa: public). */
async function browserAndApplication(kind: "web" | "spa" = "web") {
  const { user } = await createUser();
  const { application, clientSecret } = await createApplication({ kind, firstParty: true });
  const jar = new CookieJar((await sessionCookie(user)).cookie);
  return { jar, client: { clientId: application.clientId, clientSecret } };
}

/** Where the browser ends after an authorization request with these parameters changed (undefined removes one). */
async function authorize(jar: CookieJar, clientId: string, change: Record<string, string | undefined>) {
  const url = new URL(authorizationUrl(clientId, { scope: "openid", challenge: pkce().challenge }), "http://localhost:3000");
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return (await followBrowser(jar, `${url.pathname}${url.search}`)).location;
}

describe("PKCE (RFC 7636)", () => {
  for (const kind of ["web", "spa"] as const) {
    it(`is required of a ${kind} application: without a challenge, or with plain, it gets an error and no code`, async () => {
      const { jar, client } = await browserAndApplication(kind);
      const without = await authorize(jar, client.clientId, { code_challenge: undefined, code_challenge_method: undefined });
      expect(without.origin).toBe("https://app.example.test");
      expect(without.searchParams.get("error")).toBe("invalid_request");
      expect(without.searchParams.get("code")).toBeNull();

      const { verifier } = pkce();
      const plain = await authorize(jar, client.clientId, { code_challenge: verifier, code_challenge_method: "plain" });
      expect(plain.searchParams.get("error")).toBe("invalid_request");
      expect(plain.searchParams.get("code")).toBeNull();
    });
  }

  it("a code is redeemed only with its own verifier", async () => {
    const { jar, client } = await browserAndApplication("spa");
    const { code, verifier } = await codeFor(jar, client.clientId, { scope: "openid" });
    // An attacker who intercepted the code has another verifier, or none.
    expect((await redeemCode(client, code, pkce().verifier)).body).toMatchObject({ error: "invalid_grant" });
    const missing = await api("POST", "/oidc/token", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: callbackUri,
        client_id: client.clientId,
      }).toString(),
    });
    expect(missing.body).toMatchObject({ error: "invalid_grant" });
    // A verifier has 256 random bits, so a wrong one is a refusal, not a guess that burns the code.
    const owner = await redeemCode(client, code, verifier);
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
  });
});

describe("redirect URIs are matched exactly", () => {
  const lookalikes = [
    "https://app.example.test/callback/more",
    "https://app.example.test/callbackx",
    "https://app.example.test/callback?next=https://evil.example.test",
    "https://app.example.test/callback#fragment",
    "https://app.example.test/Callback",
    "https://APP.example.test/callback",
    "https://app.example.test/callback/",
    "http://app.example.test/callback",
    "https://app.example.test:8443/callback",
    "https://app.example.test.evil.example/callback",
    "https://evil.example.test/callback",
  ];

  it("the registered one works", async () => {
    const { jar, client } = await browserAndApplication();
    const location = await authorize(jar, client.clientId, { redirect_uri: callbackUri });
    expect(location.toString().startsWith(`${callbackUri}?`)).toBe(true);
  });

  it("anything else is refused on our own page, and the browser is never sent there", async () => {
    const { jar, client } = await browserAndApplication();
    for (const redirectUri of lookalikes) {
      const url = new URL(
        authorizationUrl(client.clientId, { scope: "openid", challenge: pkce().challenge, redirectUri }),
        "http://localhost:3000",
      );
      const answer = await api("GET", `${url.pathname}${url.search}`, { as: { cookie: jar.headerFor(url.pathname) } });
      expect({ redirectUri, status: answer.status, location: answer.headers.get("location") }).toEqual({
        redirectUri,
        status: 400,
        location: null,
      });
      expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    }
  });
});
