"use client";

import { Button } from "@/components/ui/button";

/**
 * Shown when a page fails to load, most often because the database is briefly unavailable:
 * the person is told to try again rather than shown a bare framework error. The digest
 * matches the server's log line.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg p-8">
      <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950">
        <h1 className="text-lg font-semibold">This page could not be loaded.</h1>
        <p className="text-sm">
          The service may be briefly unavailable. Try again in a moment.{error.digest ? ` Reference: ${error.digest}` : ""}
        </p>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
