import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { appLink } from "@/lib/mail/links";
import { verifyEmailMail } from "@/lib/mail/messages";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { issueOneTimeToken } from "@/lib/services/auth/issue-one-time-token";
import { sendMail } from "@/lib/services/mail/send-mail";

type Person = { id: string; email: string };

/**
 * Mails `email` a link that confirms it for `user`. When `email` is not the user's
 * current address, following the link moves the account to it (an email change).
 */
export async function mailVerificationLink({ user, email }: { user: Person; email: string }): Promise<void> {
  const ttlHours = config().EMAIL_VERIFICATION_TTL_HOURS;
  const isChange = email !== user.email;
  const token = await db().$transaction(async (tx) => {
    const issued = await issueOneTimeToken(tx, { userId: user.id, purpose: "email_verification", email, ttlMinutes: ttlHours * 60 });
    await recordAuditEvent(tx, {
      action: isChange ? "user.email_change_requested" : "auth.email_verification_sent",
      actor: user,
      target: { type: "user", id: user.id },
      after: isChange ? { newEmail: email } : undefined,
    });
    return issued;
  });
  await sendMail({ to: email, mail: verifyEmailMail({ link: appLink("/verify-email", { token }), ttlHours, isChange }) });
}
