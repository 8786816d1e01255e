import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

export type UserSessionSummary = {
  id: string;
  kind: "browser" | "api";
  ip: string | null;
  userAgent: string | null;
  lastSeenAt: string;
  createdAt: string;
};

/** A user's live sessions, for the admin detail page; never the session secrets. */
export async function findUserSessions({ actor, userId }: { actor: Actor; userId: string }): Promise<UserSessionSummary[]> {
  authorize(actor, "users:read");
  const sessions = await db().session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, kind: true, ip: true, userAgent: true, lastSeenAt: true, createdAt: true },
  });
  return sessions.map((session) => ({
    ...session,
    lastSeenAt: session.lastSeenAt.toISOString(),
    createdAt: session.createdAt.toISOString(),
  }));
}
