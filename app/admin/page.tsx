import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { getSessionActor } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/services/users/get-current-user";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/admin");
  const user = await getCurrentUser({ actor });

  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Administration</h1>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </header>
      <section aria-labelledby="whoami" className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="whoami" className="mb-4 text-lg font-medium">
          Signed in
        </h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-500">Name</dt>
          <dd>{user.name ?? "—"}</dd>
          <dt className="text-zinc-500">Email</dt>
          <dd data-testid="current-user-email">{user.email}</dd>
          <dt className="text-zinc-500">Role</dt>
          <dd data-testid="current-user-role">{user.role}</dd>
        </dl>
      </section>
    </main>
  );
}
