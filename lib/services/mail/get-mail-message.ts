import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { MailMessagePublic } from "@/lib/schemas/mail";
import { toMailPublic } from "@/lib/services/mail/to-mail-public";

export async function getMailMessage({ actor, messageId }: { actor: Actor; messageId: string }): Promise<MailMessagePublic> {
  authorize(actor, "outbox:read");
  const message = await db().mailMessage.findUnique({ where: { id: messageId } });
  if (!message) throw notFound("Message");
  return toMailPublic(message);
}
