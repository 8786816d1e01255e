import "server-only";
import { db, type Tx } from "@/lib/db";

/** A factor as people and the API see it: never its secret or key. */
export type PublicFactor = {
  id: string;
  kind: "totp" | "passkey";
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type FactorSummary = { factors: PublicFactor[]; recoveryCodesRemaining: number };

/** Confirmed factors only: a TOTP enrolment that never got its first code does not count. */
const confirmed = (userId: string) => ({ userId, confirmedAt: { not: null } });

export async function findFactorSummary(userId: string, tx: Tx = db()): Promise<FactorSummary> {
  const [factors, recoveryCodesRemaining] = await Promise.all([
    tx.mfaFactor.findMany({
      where: confirmed(userId),
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, name: true, createdAt: true, lastUsedAt: true },
    }),
    tx.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { factors, recoveryCodesRemaining };
}

/** Whether the user has a second factor, i.e. whether sign-in must ask for it. */
export async function hasSecondFactor(userId: string, tx: Tx = db()): Promise<boolean> {
  return (await tx.mfaFactor.count({ where: confirmed(userId) })) > 0;
}

/** Whether the user can finish a sign-in with a passkey, so the second step offers it. */
export async function hasPasskeyFactor(userId: string, tx: Tx = db()): Promise<boolean> {
  return (await tx.mfaFactor.count({ where: { ...confirmed(userId), kind: "passkey" } })) > 0;
}
