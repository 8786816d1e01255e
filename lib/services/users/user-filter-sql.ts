import { Prisma } from "@/lib/generated/prisma/client";
import type { UserFilter } from "@/lib/schemas/user";

/** A date-only bound covers the whole day: `createdTo=2026-01-31` includes that day. */
function bound(value: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`);
  return new Date(value);
}

/**
 * `%` and `_` are LIKE's wildcards: a search for `_` would match everyone. Escaped
 * (backslash is LIKE's default escape), they match themselves, and the pattern stays
 * one the trigram indexes serve.
 */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

const confirmedFactor = Prisma.sql`EXISTS (SELECT 1 FROM mfa_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL)`;

/**
 * The condition behind the list, the export and the admin table, over `users u`, with
 * every value a bound parameter. Deleted users appear only with `status=deleted`, and
 * the default (users not deleted) is the predicate of the list's partial indexes.
 */
export function userFilterSql(filter: UserFilter, attributeConditions: Prisma.Sql[] = []): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.status === "deleted") conditions.push(Prisma.sql`u.deleted_at IS NOT NULL`);
  else {
    conditions.push(Prisma.sql`u.deleted_at IS NULL`);
    if (filter.status) conditions.push(Prisma.sql`u.status = ${filter.status}::"UserStatus"`);
  }
  if (filter.role) conditions.push(Prisma.sql`u.role = ${filter.role}::"GlobalRole"`);
  if (filter.createdFrom) conditions.push(Prisma.sql`u.created_at >= ${bound(filter.createdFrom, false)}`);
  if (filter.createdTo) conditions.push(Prisma.sql`u.created_at <= ${bound(filter.createdTo, true)}`);
  // Only a confirmed factor counts: an app still waiting for its first code does not ask for anything at sign-in.
  if (filter.hasMfa !== undefined) conditions.push(filter.hasMfa ? confirmedFactor : Prisma.sql`NOT ${confirmedFactor}`);
  if (filter.q) {
    // Emails are stored lower-cased; names are searched without regard to case.
    conditions.push(Prisma.sql`(u.email LIKE ${containing(filter.q.toLowerCase())} OR u.name ILIKE ${containing(filter.q)})`);
  }
  // Attribute filters (resolve-attribute-query.ts), already checked against their definitions.
  conditions.push(...attributeConditions);
  return Prisma.join(conditions, " AND ");
}

/** Whether the filter narrows the list beyond "users not deleted". */
export const narrowsUsers = (filter: UserFilter) =>
  Boolean(
    filter.q ||
    filter.role ||
    filter.status ||
    filter.createdFrom ||
    filter.createdTo ||
    filter.hasMfa !== undefined ||
    Object.keys(filter.attributes ?? {}).length > 0,
  );
