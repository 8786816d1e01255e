import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ManagedUserRecord } from "@/lib/services/users/to-managed-user";

/**
 * The columns of a managed user (to-managed-user.ts), named as the model's fields. Never
 * the password hash: whether one is set is a column of its own.
 */
const managedUserColumns = Prisma.sql`u.id::text AS id, u.email, u.name, u.role::text AS role, u.status::text AS status,
  u.email_verified_at AS "emailVerified", u.last_login_at AS "lastLoginAt", u.created_at AS "createdAt",
  u.updated_at AS "updatedAt", u.deleted_at AS "deletedAt", u.locked_until AS "lockedUntil",
  u.failed_sign_ins AS "failedSignIns", u.has_password AS "hasPassword", u.version,
  u.given_name AS "givenName", u.family_name AS "familyName", u.middle_name AS "middleName", u.nickname, u.title,
  u.phone_numbers AS "phoneNumbers", u.preferred_language AS "preferredLanguage", u.locale, u.time_zone AS "timeZone"`;

/**
 * `SELECT <managed user columns> FROM users u <rest>`. The list and the export are
 * written in SQL because the list's keyset needs row comparisons, which Prisma's query
 * builder cannot express, and both share the list's filter.
 */
export const selectManagedUsers = (rest: Prisma.Sql, extraColumns: Prisma.Sql = Prisma.empty) =>
  Prisma.sql`SELECT ${managedUserColumns}${extraColumns} FROM users u ${rest}`;

export const queryManagedUsers = (query: Prisma.Sql) => db().$queryRaw<ManagedUserRecord[]>(query);
