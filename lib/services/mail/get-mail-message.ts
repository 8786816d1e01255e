import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { MailMessagePublic } from "@/lib/schemas/mail";
import { assertCanReadOutbox } from "@/lib/services/mail/assert-can-read-outbox";
import { toMailPublic } from "@/lib/services/mail/to-mail-public";

export async function getMailMessage({ actor, messageId }: { actor: Actor; messageId: string }): Promise<MailMessagePublic> {
  assertCanReadOutbox(actor);
  const message = await db().mailMessage.findUnique({ where: { id: messageId } });
  if (!message) throw notFound("Message");
  return toMailPublic(message);
}
