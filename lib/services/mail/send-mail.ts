import "server-only";
import { db } from "@/lib/db";
import type { RenderedMail } from "@/lib/mail/template";
import { deliverMail } from "@/lib/services/mail/deliver-mail";

export type SentMail = { messageId: string; delivery: Promise<unknown> };

/**
 * Stores a message in the outbox, then hands it to SMTP without making the caller wait:
 * the person's request finishes the same way, and as fast, whether or not mail goes out
 * (which also keeps response times from telling which addresses are registered).
 * `delivery` settles when the attempt is over, for callers that want to wait.
 */
export async function sendMail({ to, mail }: { to: string; mail: RenderedMail }): Promise<SentMail> {
  const message = await db().mailMessage.create({
    data: { to, subject: mail.subject, text: mail.text, html: mail.html },
    select: { id: true },
  });
  const delivery = deliverMail({ messageId: message.id });
  return { messageId: message.id, delivery };
}
