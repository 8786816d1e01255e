import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/session/require-session-actor";
import { outboxQuerySchema } from "@/lib/schemas/mail";
import { listOutbox } from "@/lib/services/mail/list-outbox";
import { LocalTime } from "@/components/ui/local-time";
import { pluralize } from "@/lib/pluralize";

export const metadata: Metadata = { title: "Outbox" };

type OutboxPageProps = { searchParams: Promise<Record<string, string | undefined>> };

export default async function OutboxPage({ searchParams }: OutboxPageProps) {
  const actor = await requirePagePermission("outbox:read");
  const query = outboxQuerySchema.safeParse(await searchParams);
  const page = await listOutbox({ actor, query: query.success ? query.data : { limit: 20 } });

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Outbox</h1>
        <p className="text-sm text-muted">Every email the app has written, newest first, and whether it went out.</p>
      </header>
      {page.data.length === 0 ? (
        <p>No email yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
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
        </div>
      )}
      <p className="text-sm text-muted">{pluralize(page.total ?? 0, "message")}.</p>
    </div>
  );
}
