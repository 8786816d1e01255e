import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const emailNotVerified = () =>
  new AppError("forbidden", "Confirm your email address first: follow the link we sent you, or reset your password to get a new one.");

/**
 * With EMAIL_VERIFICATION=required, refuses users who have not confirmed their address.
 * Call it after the password has been checked, so it reveals nothing to a stranger.
 */
export async function requireVerifiedEmail({ userId }: { userId: string }): Promise<void> {
  if (config().EMAIL_VERIFICATION !== "required") return;
  const user = await db().user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  requireVerifiedEmailOf({ emailVerified: user?.emailVerified ?? null });
}

/** The same rule for a user already loaded, as the credential check has. */
export function requireVerifiedEmailOf(user: { emailVerified: Date | null }): void {
  if (config().EMAIL_VERIFICATION === "required" && !user.emailVerified) throw emailNotVerified();
}
