"use client";

import Link from "next/link";
import { Dialog as RadixDialog } from "radix-ui";
import { diffSnapshots } from "@/components/audit/audit-diff";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventPublic } from "@/lib/schemas/audit";

const cell = "px-2 py-1 align-top font-mono text-xs break-all";

function Diff({ event }: { event: AuditEventPublic }) {
  const rows = diffSnapshots(event.before, event.after);
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">This event records no values.</p>;
  return (
    <table className="w-full text-left">
      <caption className="sr-only">Values before and after</caption>
      <thead className="text-xs text-zinc-600 dark:text-zinc-400">
        <tr>
          <th className="px-2 py-1">Field</th>
          <th className="px-2 py-1">Before</th>
          <th className="px-2 py-1">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const changed = row.before !== row.after;
          return (
            <tr key={row.path} className={changed ? "bg-amber-50 dark:bg-amber-950/40" : undefined} data-changed={changed}>
              <th scope="row" className={cell}>
                {row.path}
                {changed ? <span className="sr-only"> (changed)</span> : null}
              </th>
              <td className={`${cell} ${changed ? "text-red-800 dark:text-red-300" : ""}`}>{row.before ?? "—"}</td>
              <td className={`${cell} ${changed ? "text-green-800 dark:text-green-300" : ""}`}>{row.after ?? "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One event in full, in a panel at the side of the table, with its change as a field-by-field diff. */
export function EventDrawer({ event, onClose }: { event: AuditEventPublic | null; onClose: () => void }) {
  return (
    <RadixDialog.Root open={event !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <RadixDialog.Content className="fixed inset-y-0 right-0 z-50 w-full max-w-xl space-y-4 overflow-y-auto border-l border-zinc-200 bg-white p-6 shadow-xl dark:border-zinc-800 dark:bg-zinc-900">
          {event ? (
            <>
              <RadixDialog.Title className="font-mono text-lg font-semibold">{event.action}</RadixDialog.Title>
              <RadixDialog.Description className="text-sm text-zinc-600 dark:text-zinc-300">
                <LocalTime iso={event.at} /> by{" "}
                {event.actorType === "scim_token" ? `the SCIM token ${event.actorEmail}` : (event.actorEmail ?? "the system")}
                {event.impersonatorEmail ? `, while ${event.impersonatorEmail} was viewing as them` : null}
              </RadixDialog.Description>
              <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
                <dt className="text-zinc-600 dark:text-zinc-400">Target</dt>
                <dd className="break-all">
                  {event.targetType === "user" && event.targetId ? (
                    <Link href={`/admin/users/${event.targetId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                      {event.targetEmail ?? event.targetId}
                    </Link>
                  ) : (
                    [event.targetType, event.targetId].filter(Boolean).join(" ") || "—"
                  )}
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">Organization</dt>
                <dd className="break-all">
                  {event.organizationSlug ? (
                    <Link href={`/orgs/${event.organizationSlug}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                      {event.organizationSlug}
                    </Link>
                  ) : (
                    (event.organizationId ?? "—")
                  )}
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">Client address</dt>
                <dd>{event.ip ?? "—"}</dd>
                <dt className="text-zinc-600 dark:text-zinc-400">User agent</dt>
                <dd className="break-all">{event.userAgent ?? "—"}</dd>
                <dt className="text-zinc-600 dark:text-zinc-400">Request id</dt>
                <dd className="break-all font-mono text-xs">{event.requestId ?? "—"}</dd>
                <dt className="text-zinc-600 dark:text-zinc-400">Event id</dt>
                <dd className="break-all font-mono text-xs">{event.id}</dd>
              </dl>
              <Diff event={event} />
              <RadixDialog.Close className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
                Close
              </RadixDialog.Close>
            </>
          ) : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
