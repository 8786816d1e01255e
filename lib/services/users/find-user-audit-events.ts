import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

export type UserAuditEvent = {
  id: string;
  at: string;
  action: string;
  actorEmail: string | null;
  ip: string | null;
};

/** The latest events about a user or done by them, newest first, for the admin detail page. */
export async function findUserAuditEvents({
  actor,
  userId,
  limit = 20,
}: {
  actor: Actor;
  userId: string;
  limit?: number;
}): Promise<UserAuditEvent[]> {
  authorize(actor, "users:read");
  const events = await db().auditEvent.findMany({
    where: { OR: [{ targetType: "user", targetId: userId }, { actorId: userId }] },
    orderBy: { at: "desc" },
    take: limit,
    select: { id: true, at: true, action: true, actorEmail: true, ip: true },
  });
  return events.map((event) => ({ ...event, at: event.at.toISOString() }));
}
