import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { removeFactor } from "@/lib/services/mfa/remove-factor";

/**
 * Removes one of the caller's passkeys, by the rules of every factor (remove-factor.ts);
 * an id that names their authenticator app, or anyone else's factor, is not found here.
 */
export async function removePasskey({ actor, passkeyId }: { actor: Actor; passkeyId: string }): Promise<void> {
  if (!idField.safeParse(passkeyId).success) throw notFound("Passkey");
  const passkey = await db().mfaFactor.count({ where: { id: passkeyId, userId: actor.userId, kind: "passkey" } });
  if (!passkey) throw notFound("Passkey");
  await removeFactor({ actor, factorId: passkeyId });
}
