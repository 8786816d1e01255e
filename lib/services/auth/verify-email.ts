import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import { emailChangedMail } from "@/lib/mail/messages";
import type { VerifyEmailInput } from "@/lib/schemas/auth-email";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { consumeOneTimeToken } from "@/lib/services/auth/consume-one-time-token";
import { enforceEmailFlowLimits } from "@/lib/services/auth/enforce-email-flow-limits";
import { sendMail } from "@/lib/services/mail/send-mail";

export type VerifiedEmail = { email: string; changed: boolean };

async function moveToAddress(tx: Tx, user: User, newEmail: string): Promise<void> {
  const taken = await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) throw new AppError("conflict", "This address now belongs to another account, so it cannot be yours.");
  await tx.user.update({
    where: { id: user.id },
    data: { email: newEmail, emailVerified: new Date(), version: { increment: 1 } },
  });
  await recordAuditEvent(tx, {
    action: "user.email_changed",
    actor: { id: user.id, email: newEmail },
    target: { type: "user", id: user.id },
    before: { email: user.email },
    after: { email: newEmail },
  });
}

/**
 * Follows a verification link: confirms the user's address, or, when the link was sent
 * to a new address, moves the account to it and tells the old address.
 */
export async function verifyEmail({ token }: VerifyEmailInput): Promise<VerifiedEmail> {
  await enforceEmailFlowLimits({ flow: "email-verification" });
  const result = await db().$transaction(async (tx) => {
    const { user, email } = await consumeOneTimeToken(tx, { token, purpose: "email_verification" });
    if (email && email !== user.email) {
      await moveToAddress(tx, user, email);
      return { email, changed: true, previousEmail: user.email };
    }
    if (!user.emailVerified) {
      await tx.user.update({ where: { id: user.id }, data: { emailVerified: new Date(), version: { increment: 1 } } });
    }
    await recordAuditEvent(tx, { action: "auth.email_verified", actor: user, target: { type: "user", id: user.id } });
    return { email: user.email, changed: false, previousEmail: user.email };
  });
  if (result.changed) await sendMail({ to: result.previousEmail, mail: emailChangedMail({ newEmail: result.email }) });
  return { email: result.email, changed: result.changed };
}
