import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor } from "@/lib/pagination";
import type { AuditFilter } from "@/lib/schemas/audit";
import { idField } from "@/lib/schemas/fields";
import { usersMatching } from "@/lib/services/audit/mappers";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { authorizeInstallationRead } from "@/lib/services/stats/rules";

/** Whose events a caller asks for: the whole installation, or one organization's. */
export type AuditScope = { organizationId: string } | { slug: string } | null;

/**
 * Decides what the caller may read and returns the condition that keeps them to it.
 * An organization's log needs `audit:read` there and shows only events of that
 * organization, whatever the other filters say.
 */
export async function authorizeAuditScope(actor: Actor, scope: AuditScope): Promise<Prisma.AuditEventWhereInput> {
  if (!scope) {
    authorizeInstallationRead(actor);
    return {};
  }
  const { organization } = await authorizeOrganization(undefined, { actor, permission: "audit:read", ...scope });
  return { organizationId: organization.id };
}

/** Walking the whole chain is for superadmins: it reads every event and may be slow on a large log. */
export function authorizeChainVerification(actor: Actor): void {
  if (!can(actor, "audit:verify")) throw new AppError("forbidden", "Only superadmins can verify the audit log.");
}

/** `to` given as a date includes that whole day. */
const upperBound = (to: string) => (to.length === 10 ? new Date(Date.parse(to) + 86_400_000) : new Date(to));

/** Filters given in words, as ids: the users whose email contains the text, the organizations with that address or name. */
type ResolvedNames = { qIds?: string[]; targetIds?: string[]; organizationIds?: string[] };

const isId = (value: string | undefined): value is string => value !== undefined && idField.safeParse(value).success;

/**
 * The filters as a Prisma condition. People filter by what they know: a target or an
 * organization may be given by id, or in words (part of an email; an organization's
 * address or name), which are looked up first.
 */
export async function auditFilterWhere(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const [qIds, targetIds, organizationIds] = await Promise.all([
    filter.q ? usersMatching(filter.q, maxSearchedUsers) : undefined,
    filter.target && !isId(filter.target) ? usersMatching(filter.target, maxSearchedUsers) : undefined,
    filter.organization && !isId(filter.organization) ? organizationsNamed(filter.organization) : undefined,
  ]);
  return filterConditions(filter, { qIds, targetIds, organizationIds });
}

async function organizationsNamed(words: string): Promise<string[]> {
  const organizations = await db().organization.findMany({
    where: { OR: [{ slug: words }, { name: { equals: words, mode: "insensitive" } }] },
    select: { id: true },
    take: maxSearchedUsers,
  });
  return organizations.map(({ id }) => id);
}

function filterConditions(filter: AuditFilter, names: ResolvedNames): Prisma.AuditEventWhereInput {
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (filter.action?.length) conditions.push({ action: { in: filter.action } });
  if (filter.actor) conditions.push(isId(filter.actor) ? { actorId: filter.actor } : { actorEmail: filter.actor });
  if (isId(filter.target)) conditions.push({ targetType: "user", targetId: filter.target });
  if (names.targetIds) conditions.push({ targetType: "user", targetId: { in: names.targetIds } });
  if (names.qIds) conditions.push({ targetType: "user", targetId: { in: names.qIds } });
  if (isId(filter.organization)) conditions.push({ organizationId: filter.organization });
  if (names.organizationIds) conditions.push({ organizationId: { in: names.organizationIds } });
  if (filter.ip) conditions.push({ ip: filter.ip });
  if (filter.from) conditions.push({ at: { gte: new Date(filter.from) } });
  if (filter.to) conditions.push({ at: { lt: upperBound(filter.to) } });
  return { AND: conditions };
}

/** Events after the cursor's, newest first: earlier, or as early with a smaller id. */
export function afterCursor(cursor: string): Prisma.AuditEventWhereInput {
  const { value, id } = decodeCursor(cursor, z.iso.datetime());
  const at = new Date(value);
  return { OR: [{ at: { lt: at } }, { at, id: { lt: id } }] };
}

/** How many users a `q` search may match; a search that broad should be narrowed, not walked. */
export const maxSearchedUsers = 1000;
