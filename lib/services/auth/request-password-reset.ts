import "server-only";
import { db } from "@/lib/db";
import type { Accepted, ForgotPasswordInput } from "@/lib/schemas/auth-email";
import { enforceEmailFlowLimits } from "@/lib/services/auth/enforce-email-flow-limits";
import { mailPasswordResetLink } from "@/lib/services/auth/mail-password-reset-link";

export const passwordResetAccepted: Accepted = {
  message: "If an account uses this address, we have sent it a link to reset the password. Check your email.",
};

/**
 * "Forgot password": mails a reset link when the address belongs to an active account,
 * and answers exactly the same when it does not.
 */
export async function requestPasswordReset({ email }: ForgotPasswordInput): Promise<Accepted> {
  await enforceEmailFlowLimits({ flow: "password-reset", email });
  const user = await db().user.findFirst({ where: { email, deletedAt: null, status: "active" } });
  if (user) await mailPasswordResetLink({ user, requestedBy: user });
  return passwordResetAccepted;
}
