import { pluralize } from "@/lib/pluralize";
import type { Stats } from "@/lib/schemas/stats";

type ActivityFigures = Pick<Stats, "to" | "activeUsers"> & { days: Pick<Stats["days"][number], "activeUsers">[] };

/** How many were active, in words that read right when nobody or a fraction of a person was, on average. */
export function activeUsersSummary(stats: ActivityFigures): string {
  const days = stats.days.length;
  const total = stats.days.reduce((all, day) => all + day.activeUsers, 0);
  const average = Math.round((total / days) * 10) / 10;
  const lately = `On ${stats.to}: ${stats.activeUsers.daily} that day, ${stats.activeUsers.weekly} in the last 7 days, ${stats.activeUsers.monthly} in the last 30.`;
  if (total === 0) return `No one was active in these ${days} days. ${lately}`;
  if (average < 0.1) return `Fewer than 0.1 users were active on an average day. ${lately}`;
  return `${pluralize(average, "user")} ${average === 1 ? "was" : "were"} active on an average day. ${lately}`;
}
