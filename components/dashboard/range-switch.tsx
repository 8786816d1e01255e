import Link from "next/link";

export const dashboardRanges = [7, 30, 90] as const;
export type DashboardRange = (typeof dashboardRanges)[number];

/** Reads `?range=` leniently: the dashboard falls back to 30 days rather than failing on a hand-edited URL. */
export function parseRange(value: string | undefined): DashboardRange {
  return dashboardRanges.find((days) => String(days) === value) ?? 30;
}

/** Links, not buttons: the range lives in the URL, so a view can be shared and reloaded. */
export function RangeSwitch({ current }: { current: DashboardRange }) {
  return (
    <nav aria-label="Range" className="inline-flex rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
      {dashboardRanges.map((days) => (
        <Link
          key={days}
          href={`/admin?range=${days}`}
          aria-current={days === current ? "page" : undefined}
          className={`px-3 py-1.5 first:rounded-l-md last:rounded-r-md ${days === current ? "bg-indigo-600 text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
        >
          {days} days
        </Link>
      ))}
    </nav>
  );
}
