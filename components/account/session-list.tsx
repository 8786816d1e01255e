import { LocalTime } from "@/components/ui/local-time";
import { formatUtc } from "@/lib/format-date";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";
import type { SessionPublic } from "@/lib/schemas/account";

type SessionListProps = { sessions: SessionPublic[]; endSession: FormAction; endOtherSessions: FormAction };

export function SessionList({ sessions, endSession, endOtherSessions }: SessionListProps) {
  const hasOthers = sessions.some((session) => !session.current);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {sessions.map((session) => (
          <li key={session.id} data-testid="session" className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
            <div className="space-y-0.5">
              <p className="font-medium">
                {session.client}
                {session.kind === "api" ? " (API client)" : ""}
                {session.current ? (
                  <span className="ml-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                    This session
                  </span>
                ) : null}
              </p>
              <p className="text-muted">
                {session.ip ?? "Unknown address"} · signed in <LocalTime iso={session.createdAt} /> · last seen{" "}
                <LocalTime iso={session.lastSeenAt} />
              </p>
            </div>
            {session.current ? null : (
              <ActionForm
                action={endSession}
                hidden={{ sessionId: session.id }}
                variant="secondary"
                submitLabel="End"
                submitDescription={`End session of ${session.client}, last seen ${formatUtc(session.lastSeenAt)}`}
              />
            )}
          </li>
        ))}
      </ul>
      {hasOthers ? <ActionForm action={endOtherSessions} variant="secondary" submitLabel="End all other sessions" /> : null}
    </div>
  );
}
