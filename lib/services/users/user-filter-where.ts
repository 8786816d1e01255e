import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserFilter } from "@/lib/schemas/user";

/** A date-only bound covers the whole day: `createdTo=2026-01-31` includes that day. */
function bound(value: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`);
  return new Date(value);
}

/**
 * Prisma passes `contains` to LIKE as it is, where `%` and `_` are wildcards: a search
 * for `_` would match everyone. Escaped (backslash is LIKE's default escape), they match
 * themselves, and the pattern stays one the trigram indexes serve.
 */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** The query behind the list, the export and the admin table. Deleted users appear only with `status=deleted`. */
export function userFilterWhere(filter: UserFilter): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = {};
  if (filter.status === "deleted") where.deletedAt = { not: null };
  else {
    where.deletedAt = null;
    if (filter.status) where.status = filter.status;
  }
  if (filter.role) where.role = filter.role;
  if (filter.createdFrom || filter.createdTo) {
    where.createdAt = {
      ...(filter.createdFrom ? { gte: bound(filter.createdFrom, false) } : {}),
      ...(filter.createdTo ? { lte: bound(filter.createdTo, true) } : {}),
    };
  }
  if (filter.hasMfa !== undefined) {
    // Only a confirmed factor counts: an app still waiting for its first code does not ask for anything at sign-in.
    const confirmed = { confirmedAt: { not: null } };
    where.mfaFactors = filter.hasMfa ? { some: confirmed } : { none: confirmed };
  }
  if (filter.q) {
    where.OR = [{ email: { contains: literal(filter.q.toLowerCase()) } }, { name: { contains: literal(filter.q), mode: "insensitive" } }];
  }
  return where;
}
