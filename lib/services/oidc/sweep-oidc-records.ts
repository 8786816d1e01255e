import "server-only";
import { db } from "@/lib/db";
import { deleteExpiredOidcRecords } from "@/lib/services/oidc/oidc-adapter";
import { deleteUnpublishedSigningKeys } from "@/lib/services/oidc/signing-keys";

/** How long a back-channel logout that was sent, or given up on, stays for the record. */
const finishedLogoutsKeptDays = 30;

/**
 * The identity provider's cleanup: what oidc-provider stored and has expired (codes,
 * sessions, grants, tokens, interactions), signing keys past their time in the JWKS, and
 * back-channel logouts finished long ago. The provider never returns expired rows, so this
 * only keeps the tables small.
 */
export async function sweepOidcRecords(): Promise<{ records: number; keys: number; logouts: number }> {
  const records = await deleteExpiredOidcRecords();
  const keys = await deleteUnpublishedSigningKeys();
  const { count: logouts } = await db().oidcLogoutDelivery.deleteMany({
    where: { status: { not: "pending" }, completedAt: { lt: new Date(Date.now() - finishedLogoutsKeptDays * 86_400_000) } },
  });
  return { records, keys, logouts };
}
