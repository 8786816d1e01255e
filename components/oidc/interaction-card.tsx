import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";

type InteractionCardProps = {
  title: string;
  application: { name: string; logoUri: string | null };
  uid: string;
  cancel: FormAction;
  children: ReactNode;
};

/** The card of every step of an application's sign-in: which application asks, what it needs, and a way to cancel. */
export function InteractionCard({ title, application, uid, cancel, children }: InteractionCardProps) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md space-y-6 rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-center gap-3">
          {application.logoUri ? (
            // eslint-disable-next-line @next/next/no-img-element -- an application's own logo, at an address it registered
            <img src={application.logoUri} alt="" width={40} height={40} className="rounded" />
          ) : null}
          <p className="text-sm text-muted">{application.name}</p>
        </div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {children}
        <ActionForm action={cancel} hidden={{ uid }} submitLabel="Cancel" variant="secondary" />
      </div>
    </main>
  );
}
