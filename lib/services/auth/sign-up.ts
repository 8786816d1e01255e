import "server-only";
import { hashNewPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appLink } from "@/lib/mail/links";
import { welcomeMail } from "@/lib/mail/messages";
import type { Accepted, SignUpInput } from "@/lib/schemas/auth-email";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { enforceEmailFlowLimits } from "@/lib/services/auth/enforce-email-flow-limits";
import { mailAddressInUse } from "@/lib/services/auth/mail-address-in-use";
import { mailVerificationLink } from "@/lib/services/auth/mail-verification-link";
import { sendMail } from "@/lib/services/mail/send-mail";
import { toUserPublic } from "@/lib/services/users/to-user-public";

export const signUpAccepted: Accepted = { message: "Thank you. We have sent you an email; follow it to continue." };

export const signUpDisabled = () => new AppError("forbidden", "Sign-up is turned off here. Ask an administrator for an account.");

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

/**
 * Creates an account with the role `user`. A registered address gets the same answer,
 * and its owner an email saying someone tried, so sign-up cannot be used to find out
 * who has an account. The password is hashed either way, so timing tells nothing.
 */
export async function signUp({ email, name, password }: SignUpInput): Promise<Accepted> {
  if (!config().SIGN_UP_ENABLED) throw signUpDisabled();
  await enforceEmailFlowLimits({ flow: "sign-up", email });
  const passwordHash = await hashNewPassword({ password, email, field: "password" });
  const user = await db()
    .$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, name, passwordHash, role: "user" } });
      await recordAuditEvent(tx, {
        action: "auth.sign_up",
        actor: { id: created.id, email },
        target: { type: "user", id: created.id },
        after: toUserPublic(created),
      });
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });

  if (!user) await mailAddressInUse({ email });
  else if (config().EMAIL_VERIFICATION === "off") await sendMail({ to: email, mail: welcomeMail({ signInLink: appLink("/sign-in") }) });
  else await mailVerificationLink({ user, email });
  return signUpAccepted;
}
