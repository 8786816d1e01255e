import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { addDays, utcDate, type Stats, type StatsQuery } from "@/lib/schemas/stats";
import * as queries from "@/lib/services/stats/queries";
import { authorizeInstallationRead } from "@/lib/services/stats/rules";

const byDay = <T extends { day: Date }>(rows: T[]) => new Map(rows.map((row) => [utcDate(row.day), row]));

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The overview figures for the days `from` to `to` (UTC, inclusive): counts as of now,
 * per-day series with every day present (zero when nothing happened), and the latest
 * security events. The dashboard and `GET /api/v1/stats` both read this.
 */
export async function getStats({ actor, query, now = new Date() }: { actor: Actor; query: StatsQuery; now?: Date }): Promise<Stats> {
  authorizeInstallationRead(actor);
  const range = { start: new Date(query.from), end: new Date(addDays(query.to, 1)) };
  const last = new Date(query.to);
  const [users, others, newUsers, signIns, active, activeEnding, reasons, events] = await Promise.all([
    queries.userCounts(now),
    queries.organizationCounts(now),
    queries.newUsersPerDay(range).then(byDay),
    queries.signInsPerDay(range).then(byDay),
    queries.activeUsersPerDay(range.start, last).then(byDay),
    queries.activeUsersEnding(last),
    queries.failureReasons(range),
    queries.latestSecurityEvents(range),
  ]);
  return {
    from: query.from,
    to: query.to,
    users: {
      total: users.total,
      active: users.active,
      disabled: users.disabled,
      lockedNow: users.locked,
      deletedAwaitingPurge: users.awaiting,
      withSecondFactor: others.secondFactor,
    },
    organizations: others.organizations,
    pendingInvitations: others.invitations,
    activeApiTokens: others.tokens,
    activeUsers: activeEnding,
    days: daysBetween(query.from, query.to).map((date) => ({
      date,
      newUsers: newUsers.get(date)?.count ?? 0,
      signIns: signIns.get(date)?.succeeded ?? 0,
      failedSignIns: signIns.get(date)?.failed ?? 0,
      activeUsers: active.get(date)?.count ?? 0,
    })),
    failureReasons: reasons,
    securityEvents: events.map((event) => ({ ...event, at: event.at.toISOString() })),
  };
}
