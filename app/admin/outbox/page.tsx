import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { AppError } from "@/lib/errors";
import { outboxQuerySchema } from "@/lib/schemas/mail";
import { listOutbox } from "@/lib/services/mail/list-outbox";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Outbox" };

type OutboxPageProps = { searchParams: Promise<Record<string, string | undefined>> };

export default async function OutboxPage({ searchParams }: OutboxPageProps) {
  const actor = await requireSessionActor();
  const query = outboxQuerySchema.safeParse(await searchParams);
  const page = await listOutbox({ actor, query: query.success ? query.data : { limit: 20 } }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Outbox</h1>
        <p className="text-sm text-muted">Every email the app has written, newest first, and whether it went out.</p>
      </header>
      {page.data.length === 0 ? (
        <p>No email yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-2">
                To
              </th>
              <th scope="col">Subject</th>
              <th scope="col">Written</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((message) => (
              <tr key={message.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-2">{message.to}</td>
                <td>
                  <Link href={`/admin/outbox/${message.id}`} className="text-link underline">
                    {message.subject}
                  </Link>
                </td>
                <td>
                  <LocalTime iso={message.createdAt} />
                </td>
                <td>{message.sentAt ? "sent" : message.error ? "failed" : "in outbox"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-sm text-muted">{page.total} message(s).</p>
    </div>
  );
}
