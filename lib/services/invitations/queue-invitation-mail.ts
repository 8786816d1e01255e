import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/**
 * Puts the invitation email into mail_messages, the outbox that delivery reads, in the
 * transaction that creates the token, so a link is never mailed for a rolled-back invitation.
 */
export async function queueInvitationMail(
  tx: Tx,
  { to, organizationName, invitedBy, token, expiresAt }: { to: string; organizationName: string; invitedBy: string; token: string; expiresAt: Date },
): Promise<void> {
  const link = new URL(`/invitations/${token}`, config().APP_URL).toString();
  const until = expiresAt.toUTCString();
  await tx.mailMessage.create({
    data: {
      to,
      subject: `You are invited to join ${organizationName}`,
      text: `${invitedBy} invited you to join ${organizationName}.\n\nAccept the invitation: ${link}\n\nThe link works once, until ${until}. If you did not expect it, ignore this email.`,
      html: `<p>${escapeHtml(invitedBy)} invited you to join <strong>${escapeHtml(organizationName)}</strong>.</p><p><a href="${escapeHtml(link)}">Accept the invitation</a></p><p>The link works once, until ${escapeHtml(until)}. If you did not expect it, ignore this email.</p>`,
    },
  });
}
