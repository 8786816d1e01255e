import "server-only";
import type { Tx } from "@/lib/db";
import { appLink } from "@/lib/mail/links";
import { organizationInvitationMail } from "@/lib/mail/messages";

/**
 * Puts the invitation email into mail_messages, the outbox that delivery reads, in the
 * transaction that creates the token, so a link is never mailed for a rolled-back invitation.
 */
export async function queueInvitationMail(
  tx: Tx,
  {
    to,
    organizationName,
    invitedBy,
    token,
    expiresAt,
  }: { to: string; organizationName: string; invitedBy: string; token: string; expiresAt: Date },
): Promise<void> {
  const link = appLink(`/invitations/${token}`);
  await tx.mailMessage.create({ data: { to, ...organizationInvitationMail({ organizationName, invitedBy, link, expiresAt }) } });
}
