import type { Stats } from "@/lib/schemas/stats";

type Tile = { label: string; value: number; detail?: string; href?: string };

function tilesFor(stats: Stats): Tile[] {
  const { users } = stats;
  return [
    { label: "Users", value: users.total, detail: `${users.active} active · ${users.disabled} disabled`, href: "/admin/users" },
    {
      label: "Using a second factor",
      value: users.withSecondFactor,
      detail: `${users.total === 0 ? 0 : Math.round((users.withSecondFactor / users.total) * 100)} % of users`,
      href: "/admin/users?hasMfa=true",
    },
    { label: "Locked now", value: users.lockedNow, detail: "after failed sign-ins" },
    { label: "Deleted, awaiting purge", value: users.deletedAwaitingPurge, href: "/admin/users?status=deleted" },
    {
      label: "Active users",
      value: stats.activeUsers.monthly,
      detail: `${stats.activeUsers.daily} on ${stats.to} · ${stats.activeUsers.weekly} in 7 days · 30 days`,
    },
    { label: "Organizations", value: stats.organizations, href: "/admin/organizations" },
    { label: "Pending invitations", value: stats.pendingInvitations },
    { label: "Active access tokens", value: stats.activeApiTokens },
  ];
}

/** The counts as they stand now, each a link where a page lists what it counts. */
export function StatTiles({ stats }: { stats: Stats }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="stat-tiles">
      {tilesFor(stats).map((tile) => (
        <div key={tile.label} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">{tile.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">
            {tile.href ? (
              <a href={tile.href} className="hover:underline">
                {tile.value.toLocaleString("en")}
              </a>
            ) : (
              tile.value.toLocaleString("en")
            )}
          </dd>
          {tile.detail ? <dd className="text-xs text-zinc-600 dark:text-zinc-400">{tile.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
