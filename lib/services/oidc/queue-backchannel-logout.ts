import "server-only";
import { oidcIssuer } from "@/lib/services/oidc/issuer";
import { db, type Db, type Tx } from "@/lib/db";

/** What ended a person's session, kept with the logout token owed (for the log and the delivery list). */
export type LogoutReason = "sign-out" | "sign-out-everywhere" | "password-reset" | "disabled" | "deleted" | "rp-logout" | "factors-reset";

/**
 * Queues a back-channel logout token for each application of an ending session that
 * registered a back-channel logout URI; others are skipped. Written in the caller's
 * transaction, so a sign-out that rolls back owes nothing, and one that commits is sent
 * by the logout dispatcher however long the application is down (within its schedule).
 */
export async function queueBackchannelLogouts(
  client: Tx | Db,
  { accountId, reason, sessions }: { accountId: string; reason: LogoutReason; sessions: { clientId: string; sid: string | null }[] },
): Promise<number> {
  if (sessions.length === 0) return 0;
  const listening = await client.application.findMany({
    where: { clientId: { in: sessions.map((session) => session.clientId) }, backchannelLogoutUri: { not: null } },
    select: { clientId: true },
  });
  const clientIds = new Set(listening.map((application) => application.clientId));
  const owed = sessions.filter((session) => clientIds.has(session.clientId));
  if (owed.length === 0) return 0;
  const { count } = await client.oidcLogoutDelivery.createMany({
    data: owed.map(({ clientId, sid }) => ({ clientId, sid, accountId, reason, issuer: oidcIssuer() })),
  });
  return count;
}

/** The provider's own back-channel logout of one application (RP-initiated sign-out), queued like ours. */
export async function queueProviderLogout({ clientId, accountId, sid }: { clientId: string; accountId: string; sid: string }) {
  await queueBackchannelLogouts(db(), { accountId, reason: "rp-logout", sessions: [{ clientId, sid }] });
}
