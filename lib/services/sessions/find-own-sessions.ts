import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { SessionPublic } from "@/lib/schemas/account";
import { describeUserAgent } from "@/lib/user-agent";

/** The caller's live sessions, most recently active first, with the current one marked. */
export async function findOwnSessions({ actor }: { actor: Actor }): Promise<SessionPublic[]> {
  const sessions = await db().session.findMany({
    where: { userId: actor.userId, expires: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
  });
  return sessions.map((session) => ({
    id: session.id,
    kind: session.kind,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expires.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
    client: describeUserAgent(session.userAgent),
    current: session.id === actor.sessionId,
  }));
}
