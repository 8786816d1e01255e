import type { Metadata } from "next";
import Link from "next/link";
import { importUsersAction } from "@/app/admin/users/import/actions";
import { ImportForm } from "@/components/users/import-form";
import { requirePagePermission } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Import users" };

export default async function ImportUsersPage() {
  await requirePagePermission("users:read");
  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        ← All users
      </Link>
      <h1 className="text-2xl font-semibold">Import users</h1>
      <p className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-300">
        Preview first: nothing is written until you import. Without “import the valid rows”, one invalid row stops the whole import. Users
        without a password hash set theirs through a password reset.
      </p>
      <section className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <ImportForm submit={importUsersAction} />
      </section>
    </div>
  );
}
