import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiTokenPublic } from "@/lib/schemas/api-token";
import { authorizeTokenOwner } from "@/lib/services/api-tokens/rules";
import { toApiTokenPublic } from "@/lib/services/api-tokens/to-api-token-public";

/**
 * A user's tokens that have not been revoked, newest first; expired ones stay listed so
 * people see why they stopped. The caller's own by default, anyone's for a user reader.
 */
export async function findApiTokens({ actor, userId = actor.userId }: { actor: Actor; userId?: string }): Promise<ApiTokenPublic[]> {
  await authorizeTokenOwner(actor, userId, "users:read");
  const tokens = await db().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return tokens.map(toApiTokenPublic);
}
