import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { FactorRemoval } from "@/lib/schemas/mfa";
import { removeFactor, type RemovalProof } from "@/lib/services/mfa/remove-factor";
import { authorizeOwnFactors } from "@/lib/services/mfa/rules";

/** The one proof a removal request carries, if any (the schema allows at most one). */
function proofOf({ password, otp, recoveryCode }: FactorRemoval): RemovalProof | undefined {
  if (password !== undefined) return { password };
  if (otp !== undefined) return { otp };
  if (recoveryCode !== undefined) return { recoveryCode };
  return undefined;
}

/**
 * Removes the caller's authenticator app, confirmed or still waiting for its first code,
 * by kind rather than id: an account has at most one. The rules are removeFactor's.
 */
export async function removeTotpFactor({ actor, removal }: { actor: Actor; removal: FactorRemoval }): Promise<void> {
  authorizeOwnFactors(actor);
  const factor = await db().mfaFactor.findFirst({
    where: { userId: actor.userId, kind: "totp" },
    orderBy: [{ confirmedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true },
  });
  if (!factor) throw notFound("Authenticator app");
  await removeFactor({ actor, factorId: factor.id, proof: proofOf(removal) });
}
