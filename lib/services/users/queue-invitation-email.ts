import "server-only";
import type { Tx } from "@/lib/db";
import { appLink } from "@/lib/mail/links";
import { accountInvitationMail } from "@/lib/mail/messages";
import { issueInvitationToken } from "@/lib/services/invitations/issue-invitation-token";

/**
 * Gives a new user a single-use link to choose their password and puts the email in
 * the outbox (`mail_messages`), from which it is delivered. The link reuses the
 * password-reset flow and lives as long as any invitation link.
 */
export async function queueInvitationEmail(tx: Tx, user: { id: string; email: string; name: string | null }): Promise<void> {
  const { token, tokenHash, expiresAt } = issueInvitationToken();
  await tx.oneTimeToken.create({ data: { userId: user.id, purpose: "password_reset", tokenHash, email: user.email, expiresAt } });
  const link = appLink("/reset-password", { token });
  await tx.mailMessage.create({ data: { to: user.email, ...accountInvitationMail({ name: user.name, link, expiresAt }) } });
}
