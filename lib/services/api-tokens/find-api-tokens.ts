import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiTokenPublic } from "@/lib/schemas/api-token";
import { toApiTokenPublic } from "@/lib/services/api-tokens/to-api-token-public";

/** The caller's own tokens that have not been revoked, newest first; expired ones stay listed so people see why they stopped. */
export async function findApiTokens({ actor }: { actor: Actor }): Promise<ApiTokenPublic[]> {
  const tokens = await db().apiToken.findMany({
    where: { userId: actor.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return tokens.map(toApiTokenPublic);
}
