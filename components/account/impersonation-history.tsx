import { LocalTime } from "@/components/ui/local-time";
import type { ImpersonationPublic } from "@/lib/services/impersonation/find-own-impersonations";
import { pluralize } from "@/lib/pluralize";

const duration = (startedAt: string, endedAt: string) => {
  const minutes = Math.max(1, Math.round((new Date(endedAt).getTime() - new Date(startedAt).getTime()) / 60_000));
  return pluralize(minutes, "minute");
};

/** The times an administrator viewed the app as this user: by whom, when and for how long. */
export function ImpersonationHistory({ impersonations }: { impersonations: ImpersonationPublic[] }) {
  if (impersonations.length === 0) return <p className="text-sm text-muted">No administrator has viewed the app as you.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {impersonations.map((impersonation) => (
        <li key={impersonation.sessionId} className="flex flex-wrap gap-x-3 py-2">
          <span className="break-all font-medium">{impersonation.impersonatorEmail ?? "A removed administrator"}</span>
          <span>
            <LocalTime iso={impersonation.startedAt} />
          </span>
          <span className="text-muted">
            {impersonation.endedAt ? `for ${duration(impersonation.startedAt, impersonation.endedAt)}` : "still going on"}
          </span>
        </li>
      ))}
    </ul>
  );
}
