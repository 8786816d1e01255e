"use client";

import { useEffect, useState, useTransition } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { pluralize } from "@/lib/pluralize";

type ImpersonationBannerProps = {
  /** The user whose view this is. */
  viewedEmail: string;
  /** The administrator looking. */
  viewerEmail: string;
  /** When the "view as" session ends, ISO 8601. */
  endsAt: string;
  stop: () => Promise<unknown>;
};

const minutesUntil = (iso: string) => Math.max(0, Math.ceil((new Date(iso).getTime() - Date.now()) / 60_000));

/**
 * Shown on every page while an administrator views the app as a user, so neither can
 * forget whose rights are in use: who is viewed, who is viewing, the time left and the
 * way back. A labelled region rather than a live one, so the countdown is not announced
 * every minute.
 */
export function ImpersonationBanner({ viewedEmail, viewerEmail, endsAt, stop }: ImpersonationBannerProps) {
  const [minutesLeft, setMinutesLeft] = useState(() => minutesUntil(endsAt));
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const timer = setInterval(() => setMinutesLeft(minutesUntil(endsAt)), 15_000);
    return () => clearInterval(timer);
  }, [endsAt]);

  return (
    <section
      aria-label="Viewing as another user"
      className="border-b border-amber-300 bg-amber-100 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p className="min-w-0 flex-1">
          You (<span className="font-medium">{viewerEmail}</span>) are viewing the app as{" "}
          <span className="break-all font-semibold">{viewedEmail}</span>.{" "}
          <span suppressHydrationWarning>
            {pluralize(minutesLeft, "minute")} left (until <LocalTime iso={endsAt} />
            ).
          </span>{" "}
          Everything you do is recorded under both names.
        </p>
        <button
          type="button"
          disabled={pending}
          onClick={() => startTransition(async () => void (await stop()))}
          className="rounded-md border border-amber-700 bg-white px-3 py-1.5 font-medium text-amber-950 hover:bg-amber-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 disabled:opacity-60 dark:border-amber-300 dark:bg-amber-900 dark:text-amber-50 dark:hover:bg-amber-800"
        >
          {pending ? "Stopping…" : "Stop viewing"}
        </button>
      </div>
    </section>
  );
}
