import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { appLink } from "@/lib/mail/links";
import { passwordResetMail } from "@/lib/mail/messages";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { issueOneTimeToken } from "@/lib/services/auth/issue-one-time-token";
import { sendMail } from "@/lib/services/mail/send-mail";

type Person = { id: string; email: string };

/** Issues a reset link for `user`, audits who asked for it, and mails it to the user's address. */
export async function mailPasswordResetLink({ user, requestedBy }: { user: Person; requestedBy: Person }): Promise<void> {
  const ttlMinutes = config().PASSWORD_RESET_TTL_MINUTES;
  const token = await db().$transaction(async (tx) => {
    const issued = await issueOneTimeToken(tx, { userId: user.id, purpose: "password_reset", email: user.email, ttlMinutes });
    await recordAuditEvent(tx, {
      action: "auth.password_reset_requested",
      actor: requestedBy,
      target: { type: "user", id: user.id },
    });
    return issued;
  });
  const link = appLink("/reset-password", { token });
  await sendMail({ to: user.email, mail: passwordResetMail({ link, ttlMinutes }) });
}
