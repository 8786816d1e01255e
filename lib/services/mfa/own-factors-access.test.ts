import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { removeTotpFactor } from "@/lib/services/mfa/remove-totp-factor";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { createUserWithTotp } from "@/tests/support/second-factors";

// Who may manage their factors (no organization token, no read-only token, no view, a
// recent confirmation) is the action catalogue's to decide: tests/security/.
describe("removing the authenticator app by kind", () => {
  it("removes the confirmed app with its recovery codes, and is not found once gone", async () => {
    const { user, actor } = await createUserWithTotp();
    await removeTotpFactor({ actor });
    expect(await hasSecondFactor(user.id)).toBe(false);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await appErrorOf(removeTotpFactor({ actor }))).code).toBe("not_found");
  });

  it("also removes an app still waiting for its first code", async () => {
    const { user } = await createUser();
    const actor = await freshSessionActor(user);
    await startTotpEnrolment({ actor });
    await removeTotpFactor({ actor });
    expect(await db().mfaFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});
