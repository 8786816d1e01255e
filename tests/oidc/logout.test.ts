import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import { db } from "@/lib/db";
import { deliverBackchannelLogouts } from "@/lib/services/oidc/deliver-backchannel-logouts";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { actorFor, createUser } from "@/tests/support/factories";
import { startLogoutReceiver } from "@/tests/support/logout-receiver";
import { authorizationUrl, followBrowser, pkce, signedInBrowser } from "@/tests/support/oidc-flow";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
const { configOverrides, resetConfigOverridesButDatabase } = await import("@/tests/support/config-overrides");
afterEach(resetConfigOverridesButDatabase);

const callback = "https://app.example.test";
const form = { "content-type": "application/x-www-form-urlencoded" };

type Browser = Awaited<ReturnType<typeof signedInBrowser>>;

/** The application sends the browser to the end-session endpoint; the person confirms on the page it shows. */
async function rpLogout(browser: Browser, params: Record<string, string>) {
  const path = `/oidc/session/end?${new URLSearchParams(params)}`;
  const page = await api("GET", path, { as: { cookie: browser.jar.headerFor(path) } });
  browser.jar.take(page.headers);
  if (page.status !== 200) return { page, confirmed: null };
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.text)?.[1];
  expect(xsrf, page.text).toBeTruthy();
  const confirmed = await api("POST", "/oidc/session/end/confirm", {
    body: new URLSearchParams({ xsrf: xsrf!, logout: "yes" }).toString(),
    headers: { ...form, cookie: browser.jar.headerFor("/oidc/session/end/confirm") },
  });
  browser.jar.take(confirmed.headers);
  return { page, confirmed };
}

async function silentSignIn(jar: CookieJar, clientId: string) {
  const { challenge } = pkce();
  const { location } = await followBrowser(jar, authorizationUrl(clientId, { scope: "openid", challenge, extra: { prompt: "none" } }));
  return { code: location.searchParams.get("code"), error: location.searchParams.get("error") };
}

describe("RP-initiated logout (end_session_endpoint)", () => {
  it("ends the provider's session and ours, and returns to the registered address with the state", async () => {
    const browser = await signedInBrowser();
    const { confirmed } = await rpLogout(browser, {
      id_token_hint: browser.idToken,
      post_logout_redirect_uri: `${callback}/signed-out`,
      state: "st4te",
    });
    expect(confirmed!.status).toBe(303);
    expect(confirmed!.headers.get("location")).toBe(`${callback}/signed-out?state=st4te`);
    expect(await db().session.count({ where: { id: browser.sessionId } })).toBe(0);
    expect(confirmed!.headers.getSetCookie().some((line) => /^authjs\.session-token=;/.test(line))).toBe(true);
    expect(await db().oidcRecord.count({ where: { kind: "Session", accountId: browser.user.id } })).toBe(0);
    expect(await silentSignIn(browser.jar, browser.application.clientId)).toEqual({ code: null, error: "login_required" });
  });

  describe("from the attacker's side", () => {
    it("never redirects to an address the application did not register, not even a prefix of one", async () => {
      const browser = await signedInBrowser();
      for (const uri of ["https://evil.example/", `${callback}/signed-out/../../evil`, `${callback}/signed-outx`, `${callback}/`]) {
        const { page } = await rpLogout(browser, { id_token_hint: browser.idToken, post_logout_redirect_uri: uri });
        expect(page.status, uri).toBe(400);
        expect(page.headers.get("location"), uri).toBeNull();
      }
      // Nothing ended.
      expect(await db().session.count({ where: { id: browser.sessionId } })).toBe(1);
    });

    it("drops a return address sent without an ID token or client to check it against", async () => {
      const browser = await signedInBrowser();
      const { confirmed } = await rpLogout(browser, { post_logout_redirect_uri: `${callback}/signed-out` });
      expect(confirmed!.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/oidc\/session\/end\/success/);
    });

    it("refuses an id_token_hint that was not signed by the provider, or that names another client than client_id", async () => {
      const browser = await signedInBrowser();
      const [header, payload] = browser.idToken.split(".");
      const forged = `${header}.${payload}.${Buffer.from("not the signature").toString("base64url")}`;
      const { page } = await rpLogout(browser, { id_token_hint: forged, post_logout_redirect_uri: `${callback}/signed-out` });
      expect(page.status).toBe(400);

      const { application: other } = await createApplication();
      const mismatch = await rpLogout(browser, { id_token_hint: browser.idToken, client_id: other.clientId });
      expect(mismatch.page.status).toBe(400);
      expect(await db().session.count({ where: { id: browser.sessionId } })).toBe(1);
    });

    it("does not end someone else's session of ours: the provider's session belongs to another person", async () => {
      const browser = await signedInBrowser();
      const { user: other } = await createUser();
      const otherSession = await sessionCookie(other);
      // The victim's provider cookie in a browser signed in to us as someone else.
      const providerCookies = browser.jar
        .headerFor("/oidc/session/end")
        .split("; ")
        .filter((pair) => !pair.startsWith("authjs."));
      const mixed = { ...browser, jar: new CookieJar([otherSession.cookie, ...providerCookies].join("; ")) };
      await rpLogout(mixed, { id_token_hint: browser.idToken });
      expect(await db().session.count({ where: { id: otherSession.sessionId } })).toBe(1);
    });
  });
});

describe("back-channel logout (OpenID Connect Back-Channel Logout 1.0)", () => {
  let receiver: Awaited<ReturnType<typeof startLogoutReceiver>>;
  beforeAll(async () => (receiver = await startLogoutReceiver()));
  afterAll(() => receiver.close());

  const jwks = async () => createLocalJWKSet((await api("GET", "/oidc/jwks")).body as unknown as JSONWebKeySet);

  /** Sends what is due, as the dispatcher does, and answers the tokens the application received since. */
  async function deliver() {
    configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
    const before = receiver.state.tokens.length;
    await deliverBackchannelLogouts();
    return receiver.state.tokens.slice(before);
  }

  it.each([
    ["signing out", async (browser: Browser) => api("POST", "/api/v1/auth/logout", { as: { cookie: browser.jar.headerFor("/api") } })],
    [
      "signing out everywhere",
      async (browser: Browser) =>
        revokeUserSessions({ actor: actorFor((await createUser({ role: "superadmin" })).user), userId: browser.user.id }),
    ],
    ["an RP-initiated logout", async (browser: Browser) => rpLogout(browser, { id_token_hint: browser.idToken })],
  ])("sends the application a signed logout token naming the person and the session after %s", async (_what, end) => {
    const browser = await signedInBrowser({ backchannelLogoutUri: receiver.url });
    const sid = decodeJwt(browser.idToken).sid;
    expect(sid).toBeTruthy();
    await end(browser);

    const tokens = await deliver();
    expect(tokens).toHaveLength(1);
    const { payload, protectedHeader } = await jwtVerify(tokens[0]!, await jwks(), {
      issuer: "http://localhost:3000",
      audience: browser.application.clientId,
      typ: "logout+jwt",
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({ sub: browser.user.id, sid, events: { "http://schemas.openid.net/event/backchannel-logout": {} } });
    expect(payload.nonce).toBeUndefined();
    expect(payload.jti).toBeTruthy();
  });

  it("names the issuer where the session ended, whichever instance sends the token", async () => {
    const browser = await signedInBrowser({ backchannelLogoutUri: receiver.url });
    await api("POST", "/api/v1/auth/logout", { as: { cookie: browser.jar.headerFor("/api") } });
    // Another instance sends it; its own APP_URL must not become the token's issuer.
    configOverrides.APP_URL = "https://other-instance.example.test";
    const tokens = await deliver();
    expect(tokens).toHaveLength(1);
    expect(decodeJwt(tokens[0]!).iss).toBe("http://localhost:3000");
  });

  it("keeps trying an application that is down, on the retry schedule, until it takes the token", async () => {
    const browser = await signedInBrowser({ backchannelLogoutUri: receiver.url });
    receiver.state.answers.push(503);
    await api("POST", "/api/v1/auth/logout", { as: { cookie: browser.jar.headerFor("/api") } });
    expect(await deliver()).toHaveLength(0);
    const [pending] = await db().oidcLogoutDelivery.findMany({ where: { accountId: browser.user.id } });
    expect(pending).toMatchObject({ status: "pending", attemptCount: 1, lastError: "The application answered 503." });
    expect(pending!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    await db().oidcLogoutDelivery.update({ where: { id: pending!.id }, data: { nextAttemptAt: new Date() } });
    expect(await deliver()).toHaveLength(1);
    expect(await db().oidcLogoutDelivery.findUnique({ where: { id: pending!.id } })).toMatchObject({
      status: "succeeded",
      attemptCount: 2,
    });
  });

  it("owes nothing to an application without a back-channel logout URI, and sends nothing twice", async () => {
    const browser = await signedInBrowser();
    await api("POST", "/api/v1/auth/logout", { as: { cookie: browser.jar.headerFor("/api") } });
    expect(await db().oidcLogoutDelivery.count({ where: { accountId: browser.user.id } })).toBe(0);

    const listening = await signedInBrowser({ backchannelLogoutUri: receiver.url });
    await api("POST", "/api/v1/auth/logout", { as: { cookie: listening.jar.headerFor("/api") } });
    expect(await deliver()).toHaveLength(1);
    expect(await deliver()).toHaveLength(0);
  });

  it("from the attacker's side: never sends to a private address unless the installation allows it", async () => {
    const browser = await signedInBrowser({ backchannelLogoutUri: receiver.url });
    await api("POST", "/api/v1/auth/logout", { as: { cookie: browser.jar.headerFor("/api") } });
    configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = false;
    const before = receiver.state.tokens.length;
    await deliverBackchannelLogouts();
    expect(receiver.state.tokens.length).toBe(before);
    const [delivery] = await db().oidcLogoutDelivery.findMany({ where: { accountId: browser.user.id } });
    expect(delivery!.status).toBe("pending");
    expect(delivery!.lastError).toBeTruthy();
  });
});
