import "server-only";
import { hashToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OneTimeToken, User } from "@/lib/generated/prisma/client";
import type { OneTimeTokenPurpose } from "@/lib/generated/prisma/enums";

export const invalidLink = () => new AppError("bad_request", "This link is not valid or has expired. Ask for a new one.");
export const usedLink = () => new AppError("bad_request", "This link was already used. Ask for a new one if you still need it.");

/**
 * Marks a link secret used and returns it with its user. The update only succeeds while
 * the token is unused, so two concurrent requests with one link cannot both pass.
 */
export async function consumeOneTimeToken(
  tx: Tx,
  { token, purpose }: { token: string; purpose: OneTimeTokenPurpose },
): Promise<OneTimeToken & { user: User }> {
  const found = await tx.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  const now = new Date();
  if (!found || found.purpose !== purpose || found.expiresAt <= now) throw invalidLink();
  if (found.user.deletedAt || found.user.status !== "active") throw invalidLink();
  if (found.usedAt) throw usedLink();
  const claimed = await tx.oneTimeToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) throw usedLink();
  return found;
}
