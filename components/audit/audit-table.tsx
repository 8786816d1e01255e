"use client";

import Link from "next/link";
import { useState } from "react";
import { auditHref, type AuditView } from "@/components/audit/audit-url";
import { EventDrawer } from "@/components/audit/event-drawer";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventPublic } from "@/lib/schemas/audit";

const link = "text-indigo-700 hover:underline dark:text-indigo-300";

/** Who or what an event was about, linked to its user page where there is one. */
function Target({ event, userLinks }: { event: AuditEventPublic; userLinks: boolean }) {
  if (event.targetType === "user" && event.targetId) {
    const label = event.targetEmail ?? event.targetId;
    return userLinks ? (
      <Link href={`/admin/users/${event.targetId}`} className={link}>
        {label}
      </Link>
    ) : (
      <>{label}</>
    );
  }
  return <>{event.targetType ?? "—"}</>;
}

/**
 * The events, newest first. Clicking an actor or an action narrows the view to it (the
 * filters live in the URL); "Details" opens the event with its before/after diff.
 */
export function AuditTable({
  events,
  view,
  base,
  userLinks,
}: {
  events: AuditEventPublic[];
  view: AuditView;
  base: string;
  userLinks: boolean;
}) {
  const [open, setOpen] = useState<AuditEventPublic | null>(null);
  const narrow = (changes: AuditView) => auditHref({ ...view, ...changes, cursor: undefined }, base);
  if (events.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No events match.</p>;
  return (
    <>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Audit events">
          <thead className="text-zinc-600 dark:text-zinc-400">
            <tr>
              <th className="py-2 pr-3">When</th>
              <th className="pr-3">Action</th>
              <th className="pr-3">Actor</th>
              <th className="pr-3">Target</th>
              <th className="pr-3">Organization</th>
              <th className="pr-3">Client address</th>
              <th>
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {events.map((event) => (
              <tr key={event.id}>
                <td className="whitespace-nowrap py-2 pr-3">
                  <LocalTime iso={event.at} />
                </td>
                <td className="pr-3 font-mono text-xs">
                  <Link href={narrow({ action: event.action })} className={link}>
                    {event.action}
                  </Link>
                </td>
                <td className="pr-3">
                  {event.actorEmail ? (
                    <Link href={narrow({ actor: event.actorEmail })} className={link}>
                      {event.actorEmail}
                    </Link>
                  ) : (
                    "system"
                  )}
                  {event.actorType === "scim_token" ? <span className="block text-xs text-muted">SCIM token</span> : null}
                  {event.impersonatorEmail ? (
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">viewed by {event.impersonatorEmail}</span>
                  ) : null}
                </td>
                <td className="pr-3 break-all">
                  <Target event={event} userLinks={userLinks} />
                </td>
                <td className="pr-3">
                  {event.organizationSlug ? (
                    <Link href={`/orgs/${event.organizationSlug}`} className={link}>
                      {event.organizationSlug}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="pr-3 font-mono text-xs">{event.ip ?? "—"}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setOpen(event)}
                    className="rounded-md border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
                  >
                    Details<span className="sr-only"> of {event.action}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EventDrawer event={open} onClose={() => setOpen(null)} />
    </>
  );
}
