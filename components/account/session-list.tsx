import { endOtherSessionsAction, endSessionAction } from "@/app/account/actions";
import { formatTime } from "@/components/account/format-time";
import { Button } from "@/components/ui/button";
import type { SessionPublic } from "@/lib/schemas/account";

export function SessionList({ sessions }: { sessions: SessionPublic[] }) {
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
              <p className="text-zinc-500">
                {session.ip ?? "Unknown address"} · signed in {formatTime(session.createdAt)} · last seen {formatTime(session.lastSeenAt)}
              </p>
            </div>
            {session.current ? null : (
              <form action={endSessionAction}>
                <input type="hidden" name="sessionId" value={session.id} />
                <Button type="submit" variant="secondary" aria-label={`End session of ${session.client}, last seen ${formatTime(session.lastSeenAt)}`}>
                  End
                </Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {hasOthers ? (
        <form action={endOtherSessionsAction}>
          <Button type="submit" variant="secondary">
            End all other sessions
          </Button>
        </form>
      ) : null}
    </div>
  );
}
