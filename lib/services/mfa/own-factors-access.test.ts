import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { regenerateRecoveryCodes } from "@/lib/services/mfa/regenerate-recovery-codes";
import { removeTotpFactor } from "@/lib/services/mfa/remove-totp-factor";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";
import { createUserWithTotp } from "@/tests/support/second-factors";

/** The user's personal access token with these limits. */
const tokenOf = (actor: Actor, limits: Pick<Actor, "scopes" | "organizationId">): Actor => ({
  ...actor,
  via: "api_token",
  sessionId: null,
  apiTokenId: randomUUID(),
  ...limits,
});

describe("who may manage the caller's own second factors", () => {
  it("refuses a token limited to one organization, even with write, and a read-only token", async () => {
    const { user, actor, password, nextCode } = await createUserWithTotp({ role: "superadmin" });
    const organization = await createOrganizationFor(actor);
    for (const token of [
      tokenOf(actor, { scopes: ["read", "write"], organizationId: organization.id }),
      tokenOf(actor, { scopes: ["read"], organizationId: null }),
    ]) {
      const outcomes = [
        await appErrorOf(startTotpEnrolment({ actor: token })),
        await appErrorOf(confirmTotpEnrolment({ actor: token, code: nextCode() })),
        await appErrorOf(regenerateRecoveryCodes({ actor: token })),
        await appErrorOf(removeTotpFactor({ actor: token, removal: { password } })),
      ];
      expect(outcomes.map((error) => error.code)).toEqual(["forbidden", "forbidden", "forbidden", "forbidden"]);
    }
    expect(await hasSecondFactor(user.id)).toBe(true);
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });

  it("lets an unrestricted token with write do what the session may", async () => {
    const { user } = await createUser();
    const token = tokenOf(actorFor(user), { scopes: ["read", "write"], organizationId: null });
    await startTotpEnrolment({ actor: token });
    await removeTotpFactor({ actor: token, removal: {} });
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("removing the authenticator app by kind", () => {
  it("needs a proof for the last factor, takes a code, and is not found once gone", async () => {
    const { user, actor, nextCode } = await createUserWithTotp();
    // No proof, and a session confirmed by password only: a code is needed (step-up).
    expect((await appErrorOf(removeTotpFactor({ actor, removal: {} }))).code).toBe("second_factor_required");
    const wrong = nextCode() === "000000" ? "111111" : "000000";
    expect((await appErrorOf(removeTotpFactor({ actor, removal: { otp: wrong } }))).fieldErrors?.[0]?.field).toBe("otp");
    await removeTotpFactor({ actor, removal: { otp: nextCode() } });
    expect(await hasSecondFactor(user.id)).toBe(false);
    expect((await appErrorOf(removeTotpFactor({ actor, removal: {} }))).code).toBe("not_found");
  });
});
