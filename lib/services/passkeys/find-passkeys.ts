import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { PublicFactor } from "@/lib/services/mfa/find-factors";

/** The caller's passkeys, oldest first, as the account page lists them: never their keys. */
export async function findPasskeys({ actor }: { actor: Actor }): Promise<PublicFactor[]> {
  return db().mfaFactor.findMany({
    where: { userId: actor.userId, kind: "passkey", confirmedAt: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, name: true, createdAt: true, lastUsedAt: true },
  });
}
