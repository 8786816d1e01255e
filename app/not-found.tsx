import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/actions";
import { loadShell } from "@/app/load-shell";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionActor } from "@/lib/session/auth";

export const metadata: Metadata = { title: "Page not found" };

function NotFoundMessage() {
  return (
    <div className="space-y-3 rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-sm text-muted">
        There is nothing at this address, or it is not yours to see. Check the link, or start again from the beginning.
      </p>
      <Link href="/" className="inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        Go to the start page
      </Link>
    </div>
  );
}

/**
 * Every 404 of the app: an unknown address, and a record the caller may not see (pages
 * answer both the same way, so nothing tells them apart). Signed-in people see it inside
 * the app's frame, with their navigation, as any other page; everyone else alone. The
 * way back leads signed-in people to their start page and everyone else to sign in.
 */
export default async function NotFound() {
  if (!(await getSessionActor())) {
    return (
      <main className="mx-auto max-w-lg p-8">
        <NotFoundMessage />
      </main>
    );
  }
  return (
    <AppShell signOut={signOutAction} {...await loadShell()}>
      <div className="mx-auto max-w-lg">
        <NotFoundMessage />
      </div>
    </AppShell>
  );
}
