import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Accepted, EmailChangeInput } from "@/lib/schemas/auth-email";
import { checkPassword } from "@/lib/services/auth/check-password";
import { enforceEmailFlowLimits } from "@/lib/services/auth/enforce-email-flow-limits";
import { mailAddressInUse } from "@/lib/services/auth/mail-address-in-use";
import { mailVerificationLink } from "@/lib/services/auth/mail-verification-link";

export const emailChangeAccepted: Accepted = {
  message: "We have sent a link to the new address. Your email address changes when you follow it.",
};

const invalidField = (field: string, message: string) =>
  new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: [{ field, message }] });

/**
 * Starts moving the caller's account to a new address. The password is required, so a
 * session left open cannot be used to take the account, and is checked under the
 * sign-in limits, so the session cannot be used to guess it either. The change happens
 * only once the new address proves it is the caller's by following the link.
 */
export async function requestEmailChange({ actor, newEmail, password }: { actor: Actor } & EmailChangeInput): Promise<Accepted> {
  await enforceEmailFlowLimits({ flow: "email-change", email: newEmail });
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  const confirmed = await checkPassword({ email: user.email, user, password, purpose: "confirmation" });
  if (!confirmed) throw invalidField("password", "The password is incorrect.");
  if (newEmail === user.email) throw invalidField("newEmail", "This is already your email address.");

  const taken = await db().user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) await mailAddressInUse({ email: newEmail });
  else await mailVerificationLink({ user, email: newEmail });
  return emailChangeAccepted;
}
