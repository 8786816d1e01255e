import "server-only";
import { db } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import type { AuditEventPublic } from "@/lib/schemas/audit";

/** Events with their target users' current emails, looked up once for the whole batch. */
export async function toAuditEventsPublic(events: AuditEvent[]): Promise<AuditEventPublic[]> {
  const userIds = [...new Set(events.filter((event) => event.targetType === "user" && event.targetId).map((event) => event.targetId!))];
  const users = userIds.length ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    targetType: event.targetType,
    targetId: event.targetId,
    targetEmail: event.targetType === "user" && event.targetId ? (emails.get(event.targetId) ?? null) : null,
    organizationId: event.organizationId,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    before: event.before,
    after: event.after,
  }));
}

/** The users whose email contains `q`, by the trigram index; at most `limit`. */
export async function usersMatching(q: string, limit: number): Promise<string[]> {
  const escaped = q.replace(/[\\%_]/g, (character) => `\\${character}`);
  const users = await db().user.findMany({ where: { email: { contains: escaped, mode: "insensitive" } }, select: { id: true }, take: limit });
  return users.map((user) => user.id);
}
