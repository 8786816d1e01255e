import { beforeAll, describe, expect, it } from "vitest";
import { consentAction } from "@/app/interaction/[uid]/actions";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { createUser } from "@/tests/support/factories";
import { authorizationUrl, followBrowser, interactionUid, pkce, submitInteraction, warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

const callback = "https://app.example.test";

/** A browser signed in to Usermanager that starts a third-party application's sign-in, and stops on the consent page. */
async function atConsentPage(extra: Record<string, string> = {}) {
  const { user } = await createUser();
  const { application } = await createApplication({ firstParty: false });
  const jar = new CookieJar((await sessionCookie(user)).cookie);
  const { challenge } = pkce();
  const start = authorizationUrl(application.clientId, { scope: "openid profile email", challenge, extra });
  const { location, hops } = await followBrowser(jar, start);
  return { user, application, jar, start, location, hops };
}

describe("consent to a third-party application", () => {
  it("asks the person, and sends a code once they allow", async () => {
    const { jar, location, hops } = await atConsentPage();
    expect(location.pathname, hops.join(" → ")).toMatch(/^\/interaction\/[^/]+\/consent$/);
    const uid = interactionUid(location);

    const allowed = await submitInteraction(jar, consentAction, { uid, decision: "allow" });
    expect("location" in allowed && allowed.location.origin, JSON.stringify(allowed)).toBe(callback);
    if ("location" in allowed) expect(allowed.location.searchParams.get("code")).toBeTruthy();
  });

  it("tells the application access_denied when the person refuses, and grants nothing", async () => {
    const { jar, location, start } = await atConsentPage();
    const refused = await submitInteraction(jar, consentAction, { uid: interactionUid(location), decision: "deny" });
    expect("location" in refused && refused.location.searchParams.get("error")).toBe("access_denied");

    // Nothing was granted: the next request asks again.
    const again = await followBrowser(jar, start);
    expect(again.location.pathname).toMatch(/\/consent$/);
  });

  it("asks once: the same application's next sign-in in this browser goes straight through", async () => {
    const { jar, location, application } = await atConsentPage();
    await submitInteraction(jar, consentAction, { uid: interactionUid(location), decision: "allow" });
    const { challenge } = pkce();
    const next = await followBrowser(jar, authorizationUrl(application.clientId, { scope: "openid profile email", challenge }));
    expect(next.location.searchParams.get("code"), next.hops.join(" → ")).toBeTruthy();
  });

  describe("from the attacker's side", () => {
    it("cannot skip consent with prompt=none: the application gets consent_required", async () => {
      // Signed in to the provider (the first request reached the consent page), without consenting.
      const { jar, application } = await atConsentPage();
      const { challenge } = pkce();
      const silent = authorizationUrl(application.clientId, { scope: "openid profile", challenge, extra: { prompt: "none" } });
      const { location } = await followBrowser(jar, silent);
      expect(location.origin).toBe(callback);
      expect(location.searchParams.get("error")).toBe("consent_required");
      expect(location.searchParams.get("code")).toBeNull();
    });

    it("cannot consent for someone else's pending request from another browser", async () => {
      const { location } = await atConsentPage();
      const { user: attacker } = await createUser();
      const attackerJar = new CookieJar((await sessionCookie(attacker)).cookie);
      const answer = await submitInteraction(attackerJar, consentAction, { uid: interactionUid(location), decision: "allow" });
      expect(answer).toMatchObject({ refused: "not_found" });
    });

    it("cannot consent from a view-as session", async () => {
      const { user: admin } = await createUser({ role: "admin" });
      const adminSession = await sessionCookie(admin);
      const { user } = await createUser();
      const { application } = await createApplication({ firstParty: false });
      const viewJar = new CookieJar(
        (await sessionCookie(user, { impersonator: { id: admin.id, sessionId: adminSession.sessionId } })).cookie,
      );
      const { challenge } = pkce();
      const { location, hops } = await followBrowser(viewJar, authorizationUrl(application.clientId, { scope: "openid", challenge }));
      // The view never reaches consent: the sign-in stops at its first step, on a page that says why.
      expect(location.pathname, hops.join(" → ")).toMatch(/^\/interaction\/[^/]+$/);
      const forged = await submitInteraction(viewJar, consentAction, { uid: interactionUid(location), decision: "allow" });
      expect(forged).toMatchObject({ refused: "view_as_read_only" });
    });
  });
});
