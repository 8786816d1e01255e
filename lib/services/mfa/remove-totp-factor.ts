import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { removeFactor } from "@/lib/services/mfa/remove-factor";

/**
 * Removes the caller's authenticator app, confirmed or still waiting for its first code,
 * by kind rather than id: an account has at most one. The rules are removeFactor's.
 */
export async function removeTotpFactor({ actor }: { actor: Actor }): Promise<void> {
  const factor = await db().mfaFactor.findFirst({
    where: { userId: actor.userId, kind: "totp" },
    orderBy: [{ confirmedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true },
  });
  if (!factor) throw notFound("Authenticator app");
  await removeFactor({ actor, factorId: factor.id });
}
