import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { MailSummary, OutboxQuery } from "@/lib/schemas/mail";
import type { Page } from "@/lib/schemas/pagination";
import { toMailSummary } from "@/lib/services/mail/to-mail-public";

/** The newest messages first; ids are time-ordered (UUIDv7), so they break ties in creation order. */
export async function listOutbox({ actor, query }: { actor: Actor; query: OutboxQuery }): Promise<Page<MailSummary>> {
  authorize(actor, "outbox:read");
  const where = query.to ? { to: query.to } : {};
  const page = query.page ?? 1;
  const [messages, total] = await Promise.all([
    db().mailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * query.limit,
      take: query.limit,
      omit: { text: true, html: true },
    }),
    db().mailMessage.count({ where }),
  ]);
  return { data: messages.map(toMailSummary), total };
}
