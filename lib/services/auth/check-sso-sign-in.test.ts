import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { checkSsoSignIn } from "@/lib/services/auth/check-sso-sign-in";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { openSsoSession } from "@/lib/services/auth/open-sso-session";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { createUser, uniqueEmail } from "@/tests/support/factories";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
afterEach(resetConfigOverrides);

const attempt = (email: string | null, emailVerified: boolean) => ({
  provider: "oidc",
  providerAccountId: `sub-${randomUUID()}`,
  email,
  emailVerified,
});

describe("checkSsoSignIn", () => {
  it("links to an existing account only when the provider verified the address", async () => {
    const { user } = await createUser();
    expect(await checkSsoSignIn(attempt(user.email, true))).toBeNull();
    expect(await checkSsoSignIn(attempt(user.email, false))).toBe("sso_unverified_email");
    const refused = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.sso_sign_in_refused", actorEmail: user.email } });
    expect(refused.after).toEqual({ reason: "sso_unverified_email" });
  });

  it("lets new people in only while sign-up is on, and needs an address", async () => {
    expect(await checkSsoSignIn(attempt(uniqueEmail("sso"), false))).toBeNull();
    configOverrides.SIGN_UP_ENABLED = false;
    expect(await checkSsoSignIn(attempt(uniqueEmail("sso"), true))).toBe("sso_sign_up_disabled");
    expect(await checkSsoSignIn(attempt(null, true))).toBe("sso_no_email");
  });

  it("refuses a linked account that was disabled", async () => {
    const { user } = await createUser({ status: "disabled" });
    const linked = attempt(user.email, true);
    await db().account.create({ data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: linked.providerAccountId } });
    expect(await checkSsoSignIn(linked)).toBe("sso_account_disabled");
  });
});

describe("openSsoSession", () => {
  it("opens a server-side session, confirms a vouched-for address, and audits the sign-in", async () => {
    const { user } = await createUser();
    const sessionToken = await openSsoSession({ userId: user.id, provider: "oidc", isNewUser: true, emailVerified: true });
    expect(await findSessionActor(sessionToken)).toMatchObject({ userId: user.id, via: "session" });
    const updated = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.emailVerified).toBeInstanceOf(Date);
    expect(updated.lastLoginAt).toBeInstanceOf(Date);
    const actions = await db().auditEvent.findMany({ where: { actorId: user.id }, select: { action: true } });
    expect(actions.map((event) => event.action).sort()).toEqual(["auth.sign_up", "auth.sso_sign_in"]);
  });
});
