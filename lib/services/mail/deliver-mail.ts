import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { mailTransport, sendOverSmtp } from "@/lib/mail/transport";

export type DeliveryResult = "sent" | "failed" | "kept_in_outbox";

/**
 * Sends one stored message over SMTP and records the outcome on it. Never throws: a
 * mail server that is down leaves the message, with its error, in the outbox.
 */
export async function deliverMail({ messageId }: { messageId: string }): Promise<DeliveryResult> {
  const transporter = mailTransport();
  if (!transporter) return "kept_in_outbox";
  try {
    const message = await db().mailMessage.findUniqueOrThrow({ where: { id: messageId } });
    await sendOverSmtp(transporter, message);
    await db().mailMessage.update({ where: { id: messageId }, data: { sentAt: new Date(), error: null } });
    return "sent";
  } catch (error) {
    logger.warn({ err: error, messageId }, "mail delivery failed");
    const reason = error instanceof Error ? error.message : String(error);
    await db()
      .mailMessage.update({ where: { id: messageId }, data: { error: reason.slice(0, 1000) } })
      .catch((updateError: unknown) => logger.error({ err: updateError, messageId }, "could not record a mail failure"));
    return "failed";
  }
}
