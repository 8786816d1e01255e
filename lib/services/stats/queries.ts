import "server-only";
import { db } from "@/lib/db";
import type { UserStatus } from "@/lib/generated/prisma/enums";
import { failedSignInAction, securityActions, signInActions } from "@/lib/services/stats/rules";
import { purgedEmail } from "@/lib/services/users/purged-email";

/** Day-bucketed queries take a half-open time range: [start, end). */
export type TimeRange = { start: Date; end: Date };

/**
 * Users as they stand now, read index-only (users_live_status_idx, users_deleted_email_idx):
 * one group per status of the users not deleted, and the deleted ones not yet purged.
 * Purged users keep their row under `purgedEmail(id)`, `deleted-<id>@invalid`.
 */
export async function userCounts(now: Date) {
  const rows = await db().$queryRaw<{ status: UserStatus | null; count: number; locked: number }[]>`
    SELECT status, count(*)::int AS count, count(*) FILTER (WHERE locked_until > ${now})::int AS locked
    FROM users WHERE deleted_at IS NULL GROUP BY status
    UNION ALL
    SELECT NULL, count(*)::int, 0 FROM users WHERE deleted_at IS NOT NULL AND email NOT LIKE 'deleted-%@invalid'`;
  const live = rows.filter((row) => row.status !== null);
  const ofStatus = (status: UserStatus) => live.find((row) => row.status === status)?.count ?? 0;
  return {
    total: live.reduce((sum, row) => sum + row.count, 0),
    active: ofStatus("active"),
    disabled: ofStatus("disabled"),
    locked: live.reduce((sum, row) => sum + row.locked, 0),
    awaiting: rows.find((row) => row.status === null)?.count ?? 0,
  };
}

export async function organizationCounts(now: Date) {
  const [row] = await db().$queryRaw<{ organizations: number; invitations: number; tokens: number; secondFactor: number }[]>`
    SELECT (SELECT count(*) FROM organizations WHERE deleted_at IS NULL)::int AS organizations,
           (SELECT count(DISTINCT f.user_id) FROM mfa_factors f JOIN users u ON u.id = f.user_id
             WHERE f.confirmed_at IS NOT NULL AND u.deleted_at IS NULL)::int AS "secondFactor",
           (SELECT count(*) FROM invitations i JOIN organizations o ON o.id = i.organization_id
             WHERE o.deleted_at IS NULL AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ${now})::int AS invitations,
           (SELECT count(*) FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${now})
               AND u.status = 'active' AND u.deleted_at IS NULL)::int AS tokens`;
  return row!;
}

export function newUsersPerDay({ start, end }: TimeRange) {
  return db().$queryRaw<{ day: Date; count: number }[]>`
    SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS count
    FROM users WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1`;
}

export function signInsPerDay({ start, end }: TimeRange) {
  const actions = [...signInActions, failedSignInAction];
  return db().$queryRaw<{ day: Date; succeeded: number; failed: number }[]>`
    SELECT (at AT TIME ZONE 'UTC')::date AS day,
           count(*) FILTER (WHERE action <> ${failedSignInAction})::int AS succeeded,
           count(*) FILTER (WHERE action = ${failedSignInAction})::int AS failed
    FROM audit_events WHERE action = ANY(${actions}) AND at >= ${start} AND at < ${end} GROUP BY 1`;
}

/** Read from the per-day counts the triggers on `user_activity_days` keep (see the stats_indexes migration). */
export function activeUsersPerDay(first: Date, last: Date) {
  return db().$queryRaw<{ day: Date; count: number }[]>`
    SELECT day, users AS count FROM user_activity_day_counts WHERE day BETWEEN ${first}::date AND ${last}::date AND users > 0`;
}

/**
 * Distinct active users on `last`, over the 7 days and over the 30 days ending on it.
 * One index-only pass over the month's marks; grouping by user instead (hashing, or each
 * user's latest day) measured no faster, as 80,000 users' groups outgrow `work_mem`.
 */
export async function activeUsersEnding(last: Date) {
  const [row] = await db().$queryRaw<{ daily: number; weekly: number; monthly: number }[]>`
    SELECT count(DISTINCT user_id) FILTER (WHERE day = ${last}::date)::int AS daily,
           count(DISTINCT user_id) FILTER (WHERE day > ${last}::date - 7)::int AS weekly,
           count(DISTINCT user_id)::int AS monthly
    FROM user_activity_days WHERE day > ${last}::date - 30 AND day <= ${last}::date`;
  return row!;
}

export function failureReasons({ start, end }: TimeRange, limit = 5) {
  return db().$queryRaw<{ reason: string; count: number }[]>`
    SELECT coalesce(after->>'reason', 'unknown') AS reason, count(*)::int AS count
    FROM audit_events WHERE action = ${failedSignInAction} AND at >= ${start} AND at < ${end}
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
}

/** The latest security events, each with the address of the user it is about (null once that account is purged). */
export async function latestSecurityEvents({ start, end }: TimeRange, limit = 10) {
  const events = await db().auditEvent.findMany({
    where: { action: { in: [...securityActions] }, at: { gte: start, lt: end } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, action: true, actorEmail: true, targetType: true, targetId: true },
  });
  const userIds = [...new Set(events.flatMap((event) => (event.targetType === "user" && event.targetId ? [event.targetId] : [])))];
  const users = await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  // A purged account keeps only a placeholder address, which names nobody.
  const emails = new Map(users.filter((user) => user.email !== purgedEmail(user.id)).map((user) => [user.id, user.email]));
  return events.map((event) => ({
    ...event,
    targetEmail: event.targetType === "user" && event.targetId ? (emails.get(event.targetId) ?? null) : null,
  }));
}
