import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { issueTokensForPassword, type SecondFactorChallenge } from "@/lib/services/auth/issue-tokens-for-password";
import { issueTokensForSecondFactor } from "@/lib/services/auth/issue-tokens-for-second-factor";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { resetUserFactors } from "@/lib/services/mfa/reset-user-factors";
import { getUser } from "@/lib/services/users/get-user";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";
import { createUserWithTotp } from "@/tests/support/second-factors";

const administrator = async (role: "admin" | "superadmin") => actorFor((await createUser({ role })).user);

describe("resetting a user's second factors", () => {
  it("removes factors and recovery codes, ends every session with its refresh tokens, and is audited", async () => {
    const { user, password } = await createUserWithTotp();
    const pending = await issueTokensForPassword({ email: user.email, password, scopes: ["read"], clientId: "c" });
    expect(pending).toHaveProperty("mfaToken");
    const actor = await administrator("admin");

    expect(await resetUserFactors({ actor, userId: user.id })).toEqual({ removedFactors: 1, endedSessions: 1 });
    expect(await hasSecondFactor(user.id)).toBe(false);
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().pendingSignIn.count({ where: { userId: user.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "mfa.reset", targetId: user.id } });
    expect(event).toMatchObject({ actorId: actor.userId, after: { endedSessions: 1 } });
    expect(JSON.stringify(event.before)).not.toMatch(/secret/i);

    // The password alone signs in again, and the detail shows no factor.
    expect(await issueTokensForPassword({ email: user.email, password, scopes: ["read"], clientId: "c" })).toHaveProperty("accessToken");
    expect(await getUser({ actor, userId: user.id })).toMatchObject({ mfaEnabled: false, factors: [] });
  });

  it("ends API sessions and their refresh tokens too", async () => {
    const { user, password, nextCode } = await createUserWithTotp();
    const challenge = await issueTokensForPassword({ email: user.email, password, scopes: ["read"], clientId: "c" });
    await issueTokensForSecondFactor({
      mfaToken: (challenge as SecondFactorChallenge).mfaToken,
      proof: { otp: nextCode() },
      clientId: undefined,
    });
    expect(await db().refreshToken.count({ where: { session: { userId: user.id } } })).toBe(1);
    await resetUserFactors({ actor: await administrator("superadmin"), userId: user.id });
    expect(await db().refreshToken.count({ where: { session: { userId: user.id } } })).toBe(0);
  });

  it("lets superadmins reset a superadmin's factors, but not admins", async () => {
    const { user: target } = await createUserWithTotp({ role: "superadmin" });
    const refused = await appErrorOf(resetUserFactors({ actor: await administrator("admin"), userId: target.id }));
    expect(refused.code).toBe("forbidden");
    expect(await hasSecondFactor(target.id)).toBe(true);
    await resetUserFactors({ actor: await administrator("superadmin"), userId: target.id });
    expect(await hasSecondFactor(target.id)).toBe(false);
  });

  it("does not exist for users, for a token limited to an organization, or for an unknown id", async () => {
    const { user: target } = await createUserWithTotp();
    const { user: plain } = await createUser();
    const superadmin = await administrator("superadmin");
    const organization = await createOrganizationFor(superadmin);
    const limited: Actor = {
      ...superadmin,
      via: "api_token",
      apiTokenId: randomUUID(),
      scopes: ["read", "write"],
      organizationId: organization.id,
    };
    for (const actor of [actorFor(plain), limited]) {
      expect((await appErrorOf(resetUserFactors({ actor, userId: target.id }))).code).toBe("not_found");
    }
    expect((await appErrorOf(resetUserFactors({ actor: superadmin, userId: randomUUID() }))).code).toBe("not_found");
    expect(await hasSecondFactor(target.id)).toBe(true);
  });
});

describe("a user's detail for administrators", () => {
  it("lists their factors without secrets", async () => {
    const { user } = await createUserWithTotp();
    const detail = await getUser({ actor: await administrator("admin"), userId: user.id });
    expect(detail.mfaEnabled).toBe(true);
    expect(detail.factors).toEqual([
      { id: expect.any(String), kind: "totp", name: "Authenticator app", createdAt: expect.any(String), lastUsedAt: expect.any(String) },
    ]);
  });
});
