import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Revokes every live personal access token of a user, inside the caller's transaction.
 * Revoked is final: enabling or restoring the user later does not bring a token back,
 * since whoever held it may be the reason the account was closed.
 */
export async function revokeUserTokens(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
