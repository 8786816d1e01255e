import { afterEach, describe, expect, it, vi } from "vitest";
import { consentAction } from "@/app/interaction/[uid]/actions";
import { db } from "@/lib/db";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { disableUser } from "@/lib/services/users/disable-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { issueOneTimeToken } from "@/lib/services/auth/issue-one-time-token";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { actorFor, createUser } from "@/tests/support/factories";
import { authorizationUrl, followBrowser, interactionUid, pkce, signedInBrowser, submitInteraction } from "@/tests/support/oidc-flow";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
const { resetConfigOverridesButDatabase } = await import("@/tests/support/config-overrides");
afterEach(resetConfigOverridesButDatabase);

const callback = "https://app.example.test";

/** An application's silent sign-in check (prompt=none): where the browser is sent back to. */
async function silentSignIn(jar: CookieJar, clientId: string) {
  const { challenge } = pkce();
  const { location } = await followBrowser(jar, authorizationUrl(clientId, { scope: "openid", challenge, extra: { prompt: "none" } }));
  expect(location.origin).toBe(callback);
  return { code: location.searchParams.get("code"), error: location.searchParams.get("error") };
}

const providerSessions = (userId: string) => db().oidcRecord.count({ where: { kind: "Session", accountId: userId } });

describe("the provider's session lives only beside ours", () => {
  it("signs in silently (prompt=none) to an application the person already consented to, while our session lives", async () => {
    const { user } = await createUser();
    const { application } = await createApplication({ firstParty: false });
    const jar = new CookieJar((await sessionCookie(user)).cookie);
    const { challenge } = pkce();
    const first = await followBrowser(jar, authorizationUrl(application.clientId, { scope: "openid", challenge }));
    await submitInteraction(jar, consentAction, { uid: interactionUid(first.location), decision: "allow" });

    const silent = await silentSignIn(jar, application.clientId);
    expect(silent).toMatchObject({ error: null });
    expect(silent.code).toBeTruthy();
  });

  it("records which session of ours the provider's session was signed in with", async () => {
    const { user, sessionId } = await signedInBrowser();
    const records = await db().oidcRecord.findMany({ where: { kind: "Session", accountId: user.id } });
    expect(records.map((record) => record.sessionId)).toEqual([sessionId]);
  });

  it.each([
    [
      "signing out",
      async ({ jar }: Browser) => (await api("POST", "/api/v1/auth/logout", { as: { cookie: jar.headerFor("/api") } })).status,
    ],
    ["signing out everywhere", async ({ user }: Browser) => revokeUserSessions({ actor: await admin(), userId: user.id })],
    [
      "a password reset",
      async ({ user }: Browser) => resetPassword({ token: await resetLink(user), password: "A new passphrase, long enough 42" }),
    ],
    ["being disabled", async ({ user }: Browser) => disableUser({ actor: await admin(), userId: user.id })],
    ["being deleted", async ({ user }: Browser) => deleteUser({ actor: await admin(), userId: user.id })],
  ])("answers login_required to prompt=none after %s, and the provider's session is gone", async (_what, end) => {
    const browser = await signedInBrowser();
    expect(await silentSignIn(browser.jar, browser.application.clientId)).toMatchObject({ error: null });

    await end(browser);
    expect(await providerSessions(browser.user.id)).toBe(0);
    expect(await silentSignIn(browser.jar, browser.application.clientId)).toEqual({ code: null, error: "login_required" });
  });

  describe("from the attacker's side", () => {
    it("cannot ride someone's provider session cookie with a session of their own", async () => {
      const victim = await signedInBrowser();
      const { user: attacker } = await createUser();
      // The victim's provider cookies, beside the attacker's own session of ours.
      const providerCookies = victim.jar
        .headerFor("/oidc/auth")
        .split("; ")
        .filter((pair) => !pair.startsWith("authjs."));
      const jar = new CookieJar([(await sessionCookie(attacker)).cookie, ...providerCookies].join("; "));
      const silent = await silentSignIn(jar, victim.application.clientId);
      expect(silent).toEqual({ code: null, error: "login_required" });
    });

    it("cannot use a provider session whose session of ours ended, even before the provider record is swept", async () => {
      const browser = await signedInBrowser();
      // Ours ends behind the provider's back (expired and removed): the link check alone refuses.
      await db().session.deleteMany({ where: { id: browser.sessionId } });
      expect(await providerSessions(browser.user.id)).toBe(1);
      expect(await silentSignIn(browser.jar, browser.application.clientId)).toEqual({ code: null, error: "login_required" });
    });

    it("a view-as session of the person does not carry the person's provider session", async () => {
      const browser = await signedInBrowser();
      const { user: administrator } = await createUser({ role: "admin" });
      const adminSession = await sessionCookie(administrator);
      const view = await sessionCookie(browser.user, { impersonator: { id: administrator.id, sessionId: adminSession.sessionId } });
      const providerCookies = browser.jar
        .headerFor("/oidc/auth")
        .split("; ")
        .filter((pair) => !pair.startsWith("authjs."));
      const jar = new CookieJar([view.cookie, ...providerCookies].join("; "));
      expect(await silentSignIn(jar, browser.application.clientId)).toEqual({ code: null, error: "login_required" });
    });
  });
});

type Browser = Awaited<ReturnType<typeof signedInBrowser>>;

async function admin() {
  const { user } = await createUser({ role: "superadmin" });
  return actorFor(user);
}

async function resetLink(user: { id: string; email: string }) {
  return db().$transaction((tx) =>
    issueOneTimeToken(tx, { userId: user.id, purpose: "password_reset", email: user.email, ttlMinutes: 30 }),
  );
}
