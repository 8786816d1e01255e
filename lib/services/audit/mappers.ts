import "server-only";
import { db } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import type { AuditEventPublic } from "@/lib/schemas/audit";
import { idField } from "@/lib/schemas/fields";

const distinct = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];

/** Events with their target users' current emails and organizations' addresses, looked up once per batch. */
export async function toAuditEventsPublic(events: AuditEvent[]): Promise<AuditEventPublic[]> {
  // Target ids are free text; only a well-formed one can be looked up in the uuid column.
  const userIds = distinct(events.map((event) => (event.targetType === "user" ? event.targetId : null))).filter(
    (id) => idField.safeParse(id).success,
  );
  const organizationIds = distinct(events.map((event) => event.organizationId));
  const [users, organizations] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
    organizationIds.length
      ? db().organization.findMany({ where: { id: { in: organizationIds }, deletedAt: null }, select: { id: true, slug: true } })
      : [],
  ]);
  const emails = new Map(users.map((user) => [user.id, user.email]));
  const slugs = new Map(organizations.map((organization) => [organization.id, organization.slug]));
  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    actorType: event.actorType === "scim_token" || event.actorType === "application" ? event.actorType : "user",
    impersonatorId: event.impersonatorId,
    impersonatorEmail: event.impersonatorEmail,
    targetType: event.targetType,
    targetId: event.targetId,
    targetEmail: event.targetType === "user" && event.targetId ? (emails.get(event.targetId) ?? null) : null,
    organizationId: event.organizationId,
    organizationSlug: event.organizationId ? (slugs.get(event.organizationId) ?? null) : null,
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
  const users = await db().user.findMany({
    where: { email: { contains: escaped, mode: "insensitive" } },
    select: { id: true },
    take: limit,
  });
  return users.map((user) => user.id);
}
