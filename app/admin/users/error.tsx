"use client";

import { Button } from "@/components/ui/button";

/** Shown when loading users fails; the digest matches the server log line. */
export default function UsersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950">
      <h1 className="text-lg font-semibold">The users could not be loaded.</h1>
      <p className="text-sm">Try again in a moment.{error.digest ? ` Reference: ${error.digest}` : ""}</p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
