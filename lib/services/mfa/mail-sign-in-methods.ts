import "server-only";
import { db } from "@/lib/db";
import { formatUtc } from "@/lib/format-date";
import { signInMethodsMail, type SignInMethodChange } from "@/lib/mail/messages";
import { findFactorSummary } from "@/lib/services/mfa/find-factors";
import { sendMail } from "@/lib/services/mail/send-mail";

/**
 * Tells an account's owner, at its address, that its ways of signing in changed, and
 * lists the second factors it has now with when each was added. Called after the change
 * has committed, so the list is what the account really has.
 */
export async function mailSignInMethods({ userId, notice }: { userId: string; notice: SignInMethodChange }): Promise<void> {
  const user = await db().user.findFirst({ where: { id: userId, deletedAt: null }, select: { email: true } });
  if (!user) return;
  const { factors, recoveryCodesRemaining } = await findFactorSummary(userId);
  const methods = factors.map(
    (factor) =>
      `${factor.kind === "totp" ? "authenticator app" : `passkey “${factor.name}”`} (added ${formatUtc(factor.createdAt.toISOString())})`,
  );
  if (factors.length > 0) methods.push(`${recoveryCodesRemaining} unused recovery codes`);
  await sendMail({ to: user.email, mail: signInMethodsMail({ notice, methods }) });
}
