import { DailyChart } from "@/components/dashboard/daily-chart";
import { FailureReasons } from "@/components/dashboard/failure-reasons";
import { RangeSwitch, type DashboardRange } from "@/components/dashboard/range-switch";
import { SecurityEvents } from "@/components/dashboard/security-events";
import { StatTiles } from "@/components/dashboard/stat-tiles";
import { activeUsersSummary } from "@/components/dashboard/active-users-summary";
import type { Stats } from "@/lib/schemas/stats";

const sum = (stats: Stats, key: "newUsers" | "signIns" | "failedSignIns" | "activeUsers") =>
  stats.days.reduce((total, day) => total + day[key], 0);

function busiest(stats: Stats, key: "newUsers"): string {
  const top = stats.days.reduce((best, day) => (day[key] > best[key] ? day : best), stats.days[0]!);
  return top[key] > 0 ? ` The busiest day was ${top.date}, with ${top[key]}.` : "";
}

/** The overview for administrators: counts now, then the chosen range's charts and events. */
export function OverviewDashboard({
  stats,
  range,
  securityActions,
}: {
  stats: Stats;
  range: DashboardRange;
  securityActions: readonly string[];
}) {
  const days = stats.days.length;
  return (
    <div className="space-y-6">
      <StatTiles stats={stats} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-medium">
          Last {range} days{" "}
          <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
            ({stats.from} to {stats.to}, UTC)
          </span>
        </h2>
        <RangeSwitch current={range} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <DailyChart
          id="new-users"
          kind="bar"
          title="New users per day"
          summary={`${sum(stats, "newUsers")} new users in ${days} days.${busiest(stats, "newUsers")}`}
          data={stats.days}
          series={[{ key: "newUsers", label: "New users", color: "var(--chart-1)" }]}
        />
        <DailyChart
          id="sign-ins"
          kind="bar"
          title="Sign-ins per day"
          summary={`${sum(stats, "signIns")} sign-ins succeeded and ${sum(stats, "failedSignIns")} failed in ${days} days.`}
          data={stats.days}
          series={[
            { key: "signIns", label: "Succeeded", color: "var(--chart-3)" },
            { key: "failedSignIns", label: "Failed", color: "var(--chart-2)" },
          ]}
        />
        <DailyChart
          id="active-users"
          kind="line"
          title="Active users per day"
          summary={activeUsersSummary(stats)}
          data={stats.days}
          series={[{ key: "activeUsers", label: "Active users", color: "var(--chart-1)" }]}
        />
        <FailureReasons reasons={stats.failureReasons} />
      </div>
      <SecurityEvents events={stats.securityEvents} actions={securityActions} range={stats} />
    </div>
  );
}
