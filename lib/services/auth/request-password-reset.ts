import "server-only";
import { afterResponse } from "@/lib/after-response";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { Accepted, ForgotPasswordInput } from "@/lib/schemas/auth-email";
import { enforceEmailFlowLimits } from "@/lib/services/auth/enforce-email-flow-limits";
import { mailPasswordResetLink } from "@/lib/services/auth/mail-password-reset-link";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

export const passwordResetAccepted: Accepted = {
  message: "If an account uses this address, we have sent it a link to reset the password. Check your email.",
};

/**
 * "Forgot password": mails a reset link when the address belongs to an active account,
 * and answers exactly the same when it does not. Everything that differs between the
 * two, the lookup included, runs after the response, so timing tells nothing either.
 *
 * An address gets at most one link per PASSWORD_RESET_EMAIL_INTERVAL_MINUTES; further
 * requests are answered alike and not sent. There is no 429 per address: a stranger
 * asking for the owner's address over and over must not stop the owner's own request,
 * and the owner already has the link the stranger's request sent.
 */
export async function requestPasswordReset({ email }: ForgotPasswordInput): Promise<Accepted> {
  await enforceEmailFlowLimits({ flow: "password-reset" });
  const windowSeconds = config().PASSWORD_RESET_EMAIL_INTERVAL_MINUTES * 60;
  const { allowed } = await consumeRateLimit({ key: `password-reset:sent:${email}`, limit: 1, windowSeconds });
  if (allowed) afterResponse(() => mailResetLinkIfRegistered(email));
  return passwordResetAccepted;
}

async function mailResetLinkIfRegistered(email: string): Promise<void> {
  const user = await db().user.findFirst({ where: { email, deletedAt: null, status: "active" } });
  if (user) await mailPasswordResetLink({ user, requestedBy: user });
}
