import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { devicePollSeconds } from "@/lib/oidc/device-polling";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { createUser } from "@/tests/support/factories";
import { authorizationUrl, followBrowser, pkce, warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

const form = { "content-type": "application/x-www-form-urlencoded" };

/** A CLI (a native application) asks for a code to show its user (RFC 8628 3.1). */
async function startDevice() {
  const { application } = await createApplication({ kind: "native", firstParty: true });
  const answer = await api("POST", "/oidc/device/auth", {
    headers: form,
    body: new URLSearchParams({ client_id: application.clientId, scope: "openid profile" }).toString(),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body).toMatchObject({ verification_uri: "http://localhost:3000/device" });
  return { clientId: application.clientId, deviceCode: String(answer.body!.device_code), userCode: String(answer.body!.user_code) };
}

/** The CLI polls the token endpoint with its device code (RFC 8628 3.4). */
const poll = (clientId: string, deviceCode: string) =>
  api("POST", "/oidc/token", {
    headers: form,
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: deviceCode,
      client_id: clientId,
    }).toString(),
  });

/** The signed-in person types the code at /device, and confirms (or stops) on the next page. */
async function enterCode(jar: CookieJar, userCode: string, decision: "confirm" | "abort") {
  const page = await api("GET", "/device", { as: { cookie: jar.headerFor("/device") } });
  jar.take(page.headers);
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.text)?.[1];
  expect(xsrf, page.text).toBeTruthy();
  // The field a person types into is named for screen readers (the provider's form gives it a placeholder only).
  expect(page.text).toMatch(/aria-label="Code from your device" name="user_code"/);
  const post = (fields: Record<string, string>) =>
    api("POST", "/device", {
      as: { cookie: jar.headerFor("/device") },
      headers: form,
      body: new URLSearchParams({ xsrf: xsrf!, user_code: userCode, ...fields }).toString(),
    });
  const confirmation = await post({});
  jar.take(confirmation.headers);
  expect(confirmation.text).toContain("Confirm the device");
  const answer = await post(decision === "confirm" ? { confirm: "yes" } : { abort: "yes" });
  jar.take(answer.headers);
  return answer;
}

describe("a CLI signs in with the device flow (RFC 8628)", () => {
  it("pending, slow_down when polled too fast, then tokens once the person confirmed on /device", async () => {
    const { clientId, deviceCode, userCode } = await startDevice();
    const started = Date.now();
    expect((await poll(clientId, deviceCode)).body).toMatchObject({ error: "authorization_pending" });
    expect((await poll(clientId, deviceCode)).body).toMatchObject({ error: "slow_down" });

    const { user } = await createUser();
    const jar = new CookieJar((await sessionCookie(user)).cookie);
    const confirmed = await enterCode(jar, userCode, "confirm");
    expect(confirmed.status).toBe(303);
    const { location, hops } = await followBrowser(jar, confirmed.headers.get("location")!);
    expect(location.pathname, hops.join(" → ")).toMatch(/^\/device\/[^/]+$/);

    await sleep(Math.max(0, devicePollSeconds * 1000 + 200 - (Date.now() - started)));
    const tokens = await poll(clientId, deviceCode);
    expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
    const userinfo = await api("GET", "/oidc/me", { as: { bearer: String(tokens.body!.access_token) } });
    expect(userinfo.body).toMatchObject({ sub: user.id });

    // The code is spent: polling again gives nothing more.
    await sleep(devicePollSeconds * 1000 + 200);
    expect((await poll(clientId, deviceCode)).body).toMatchObject({ error: "invalid_grant" });
  });

  it("serves a CLI registered without redirect URIs, which then has the device flow and no code flow", async () => {
    const { user: admin } = await createUser({ role: "superadmin" });
    const registered = await api("POST", "/api/v1/applications", {
      as: { cookie: (await sessionCookie(admin)).cookie },
      body: { kind: "native", name: "Command line", scopes: ["openid", "profile"], firstParty: true },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const clientId = String(registered.body!.clientId);
    const started = await api("POST", "/oidc/device/auth", {
      headers: form,
      body: new URLSearchParams({ client_id: clientId, scope: "openid" }).toString(),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const { challenge } = pkce();
    const codeFlow = await api("GET", authorizationUrl(clientId, { scope: "openid", challenge, redirectUri: "http://127.0.0.1/callback" }));
    expect(codeFlow.status).toBe(400);

    const web = await api("POST", "/api/v1/applications", {
      as: { cookie: (await sessionCookie(admin)).cookie },
      body: { kind: "web", name: "Web without redirect", scopes: ["openid"] },
    });
    expect(web.status).toBe(422);
  });

  describe("from the attacker's side", () => {
    it("the person stops it: the device is told access_denied and gets no token", async () => {
      const { clientId, deviceCode, userCode } = await startDevice();
      const { user } = await createUser();
      const jar = new CookieJar((await sessionCookie(user)).cookie);
      const stopped = await enterCode(jar, userCode, "abort");
      expect(stopped.text).toContain("cancelled");
      expect((await poll(clientId, deviceCode)).body).toMatchObject({ error: "access_denied" });
    });

    it("an expired code is expired_token, and its user code no longer works at /device", async () => {
      const { clientId, deviceCode, userCode } = await startDevice();
      const record = await db().oidcRecord.findUniqueOrThrow({ where: { kind_id: { kind: "DeviceCode", id: deviceCode } } });
      const past = Math.floor(Date.now() / 1000) - 5;
      await db().oidcRecord.update({
        where: { kind_id: { kind: "DeviceCode", id: deviceCode } },
        data: { expiresAt: new Date(past * 1000), payload: { ...(record.payload as object), exp: past } },
      });
      expect((await poll(clientId, deviceCode)).body).toMatchObject({ error: "expired_token" });

      const { user } = await createUser();
      const jar = new CookieJar((await sessionCookie(user)).cookie);
      const page = await api("GET", "/device", { as: { cookie: jar.headerFor("/device") } });
      jar.take(page.headers);
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.text)![1]!;
      const late = await api("POST", "/device", {
        as: { cookie: jar.headerFor("/device") },
        headers: form,
        body: new URLSearchParams({ xsrf, user_code: userCode }).toString(),
      });
      expect(late.text).toContain("not valid, or has expired");
    });

    it("a device code cannot be redeemed by another client", async () => {
      const { deviceCode } = await startDevice();
      const other = await createApplication({ kind: "native", firstParty: true });
      expect((await poll(other.application.clientId, deviceCode)).body).toMatchObject({ error: "invalid_grant" });
    });
  });
});
