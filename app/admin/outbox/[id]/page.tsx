import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { requirePagePermission, shownOrNotFound } from "@/lib/session/require-session-actor";
import { idField } from "@/lib/schemas/fields";
import { getMailMessage } from "@/lib/services/mail/get-mail-message";

export const metadata: Metadata = { title: "Message" };

type MessagePageProps = { params: Promise<{ id: string }> };

export default async function MessagePage({ params }: MessagePageProps) {
  const actor = await requirePagePermission("outbox:read");
  const messageId = idField.safeParse((await params).id);
  if (!messageId.success) notFound();
  const message = await shownOrNotFound(getMailMessage({ actor, messageId: messageId.data }));

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/admin/outbox" className="text-sm text-link underline">
        Back to the outbox
      </Link>
      <h1 className="wrap-anywhere text-2xl font-semibold">{message.subject}</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
        <dt className="text-muted">To</dt>
        <dd className="wrap-anywhere">{message.to}</dd>
        <dt className="text-muted">Written</dt>
        <dd>
          <LocalTime iso={message.createdAt} />
        </dd>
        <dt className="text-muted">Sent</dt>
        <dd>
          {message.sentAt ? (
            <LocalTime iso={message.sentAt} />
          ) : message.error ? (
            `failed: ${message.error}`
          ) : (
            "not sent (no mail server configured)"
          )}
        </dd>
      </dl>
      <section aria-labelledby="text-body" className="space-y-2">
        <h2 id="text-body" className="text-lg font-medium">
          Text
        </h2>
        <pre
          data-testid="mail-text"
          className="wrap-anywhere whitespace-pre-wrap rounded-md border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          {message.text}
        </pre>
      </section>
      <details>
        <summary className="cursor-pointer text-sm">HTML source</summary>
        <pre className="mt-2 whitespace-pre-wrap break-all text-xs">{message.html}</pre>
      </details>
    </div>
  );
}
