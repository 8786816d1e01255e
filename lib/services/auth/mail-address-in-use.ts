import "server-only";
import { appLink } from "@/lib/mail/links";
import { addressInUseMail } from "@/lib/mail/messages";
import { sendMail } from "@/lib/services/mail/send-mail";

/**
 * Tells the owner of a registered address that someone tried to claim it. The person
 * who tried gets the same answer as for a free address, so the API reveals nothing.
 */
export async function mailAddressInUse({ email }: { email: string }): Promise<void> {
  await sendMail({ to: email, mail: addressInUseMail({ signInLink: appLink("/sign-in"), resetLink: appLink("/forgot-password") }) });
}
