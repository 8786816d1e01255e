import "server-only";
import type { Tx } from "@/lib/db";
import { queueBackchannelLogouts, type LogoutReason } from "@/lib/services/oidc/queue-backchannel-logout";

type Authorizations = Record<string, { sid?: string; grantId?: string; persistsLogout?: boolean }>;

type Ending = {
  /** Whose provider sessions end. */
  userId: string;
  /** Only those signed in beside these sessions of ours; every one of the person's when left out. */
  sessionIds?: string[];
  reason: LogoutReason;
};

/**
 * Ends the identity provider's sessions that belong to sessions of ours that are ending,
 * in the same transaction: each application the session signed in to is owed a
 * back-channel logout token (queued, sent by the logout dispatcher), the grants made in
 * the session go as the provider's own sign-out takes them (all but offline access), and
 * the session record is deleted, so its cookie is worth nothing even in a browser that
 * still holds it. Answers how many provider sessions ended.
 */
export async function endProviderSessions(tx: Tx, { userId, sessionIds, reason }: Ending): Promise<number> {
  if (sessionIds?.length === 0) return 0;
  const sessions = await tx.oidcRecord.findMany({
    where: { kind: "Session", accountId: userId, ...(sessionIds ? { sessionId: { in: sessionIds } } : {}) },
    select: { id: true, payload: true },
  });
  if (sessions.length === 0) return 0;
  const signedIn = sessions.flatMap(({ payload }) =>
    Object.entries(((payload as { authorizations?: Authorizations }).authorizations ?? {}) as Authorizations).map(
      ([clientId, authorization]) => ({ clientId, ...authorization }),
    ),
  );
  await queueBackchannelLogouts(tx, {
    accountId: userId,
    reason,
    sessions: signedIn.map(({ clientId, sid }) => ({ clientId, sid: sid ?? null })),
  });
  const grantIds = signedIn.filter((one) => one.grantId && !one.persistsLogout).map((one) => one.grantId!);
  if (grantIds.length > 0) {
    await tx.oidcRecord.deleteMany({ where: { OR: [{ grantId: { in: grantIds } }, { kind: "Grant", id: { in: grantIds } }] } });
  }
  await tx.oidcRecord.deleteMany({ where: { kind: "Session", id: { in: sessions.map((session) => session.id) } } });
  return sessions.length;
}
