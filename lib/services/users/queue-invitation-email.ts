import "server-only";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";

/** How long an invitation link stays valid. */
export const invitationValidityDays = 7;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * Gives a new user a single-use link to choose their password and puts the email in
 * the outbox (`mail_messages`), from which it is delivered. The link reuses the
 * password-reset flow; only the digest of its secret is stored.
 */
export async function queueInvitationEmail(tx: Tx, user: { id: string; email: string; name: string | null }): Promise<void> {
  const token = generateToken();
  await tx.oneTimeToken.create({
    data: {
      userId: user.id,
      purpose: "password_reset",
      tokenHash: hashToken(token),
      email: user.email,
      expiresAt: new Date(Date.now() + invitationValidityDays * 24 * 60 * 60 * 1000),
    },
  });
  const link = new URL(`/reset-password?token=${encodeURIComponent(token)}`, config().APP_URL).toString();
  const greeting = user.name ? `Hello ${user.name},` : "Hello,";
  const text = `${greeting}\n\nAn account was created for you. Choose your password here within ${invitationValidityDays} days:\n\n${link}\n`;
  const html = `<p>${escapeHtml(greeting)}</p><p>An account was created for you. Choose your password within ${invitationValidityDays} days:</p><p><a href="${escapeHtml(link)}">Set your password</a></p>`;
  await tx.mailMessage.create({ data: { to: user.email, subject: "You have been invited", text, html } });
}
