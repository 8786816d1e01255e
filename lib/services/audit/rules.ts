import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor } from "@/lib/pagination";
import type { AuditFilter } from "@/lib/schemas/audit";
import { idField } from "@/lib/schemas/fields";
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

/** The filters as a Prisma condition; `targetIds` are the users whose email matched `q`. */
export function auditFilterWhere(filter: AuditFilter, targetIds?: string[]): Prisma.AuditEventWhereInput {
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (filter.action?.length) conditions.push({ action: { in: filter.action } });
  if (filter.actor) conditions.push(idField.safeParse(filter.actor).success ? { actorId: filter.actor } : { actorEmail: filter.actor });
  if (filter.target) conditions.push({ targetType: "user", targetId: filter.target });
  if (filter.organization) conditions.push({ organizationId: filter.organization });
  if (filter.ip) conditions.push({ ip: filter.ip });
  if (targetIds) conditions.push({ targetType: "user", targetId: { in: targetIds } });
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
