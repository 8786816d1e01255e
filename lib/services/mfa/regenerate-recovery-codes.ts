import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { mailSignInMethods } from "@/lib/services/mfa/mail-sign-in-methods";
import { replaceRecoveryCodes } from "@/lib/services/mfa/replace-recovery-codes";

/** Ten new recovery codes for the caller; every earlier code stops working. Needs a factor to recover. */
export async function regenerateRecoveryCodes({ actor }: { actor: Actor }): Promise<{ recoveryCodes: string[] }> {
  const replaced = await db().$transaction(async (tx) => {
    if (!(await hasSecondFactor(actor.userId, tx))) {
      throw new AppError("conflict", "Recovery codes stand in for a second factor; set one up first.");
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAuditEvent(tx, {
      action: "mfa.recovery_codes_regenerated",
      actor,
      target: { type: "user", id: actor.userId },
    });
    return { recoveryCodes };
  });
  await mailSignInMethods({ userId: actor.userId, notice: { change: "recovery-codes-replaced" } });
  return replaced;
}
