import "server-only";
import { hashRecoveryCode, newRecoveryCodes } from "@/lib/auth/recovery-codes";
import type { Tx } from "@/lib/db";

/** Replaces every recovery code of a user with ten new ones, returned once in clear. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}
