import type { MailMessage } from "@/lib/generated/prisma/client";
import type { MailMessagePublic, MailSummary } from "@/lib/schemas/mail";

export function toMailSummary(message: Omit<MailMessage, "text" | "html">): MailSummary {
  return {
    id: message.id,
    to: message.to,
    subject: message.subject,
    sentAt: message.sentAt?.toISOString() ?? null,
    error: message.error,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toMailPublic(message: MailMessage): MailMessagePublic {
  return { ...toMailSummary(message), text: message.text, html: message.html };
}
