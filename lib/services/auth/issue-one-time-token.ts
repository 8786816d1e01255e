import "server-only";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db";
import type { OneTimeTokenPurpose } from "@/lib/generated/prisma/enums";

type IssueOptions = { userId: string; purpose: OneTimeTokenPurpose; email: string; ttlMinutes: number };

/**
 * Creates a single-use link secret and returns it; only its digest is stored. Earlier
 * unused links of the same purpose stop working, so only the newest email counts.
 */
export async function issueOneTimeToken(tx: Tx, { userId, purpose, email, ttlMinutes }: IssueOptions): Promise<string> {
  const token = generateToken();
  const now = new Date();
  await tx.oneTimeToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  await tx.oneTimeToken.create({
    data: { userId, purpose, email, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMinutes * 60_000) },
  });
  return token;
}
