import Link from "next/link";
import { auditHref } from "@/components/audit/audit-url";
import { LocalTime } from "@/components/ui/local-time";
import type { Stats } from "@/lib/schemas/stats";

/** The latest security events with the user each is about, each opening the audit explorer filtered to its kind and its user. */
export function SecurityEvents({
  events,
  actions,
  range,
}: {
  events: Stats["securityEvents"];
  actions: readonly string[];
  range: { from: string; to: string };
}) {
  return (
    <section
      aria-labelledby="security-events"
      className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id="security-events" className="font-medium">
          Recent security events
        </h2>
        <Link
          href={auditHref({ action: actions.join(","), from: range.from, to: range.to })}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          All security events
        </Link>
      </div>
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">None in this range.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="security-events">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span className="flex flex-wrap items-baseline gap-x-2">
                <Link
                  href={auditHref({
                    action: event.action,
                    ...(event.targetType === "user" && event.targetId ? { target: event.targetId } : {}),
                    from: range.from,
                    to: range.to,
                  })}
                  className="font-mono text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {event.action}
                </Link>
                {event.targetType === "user" ? <span className="wrap-anywhere">{event.targetEmail ?? "a removed account"}</span> : null}
              </span>
              <span className="text-zinc-600 dark:text-zinc-400">
                {event.actorEmail ?? "system"} · <LocalTime iso={event.at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
