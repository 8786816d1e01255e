import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { SignInInput } from "@/lib/schemas/auth";
import { requireVerifiedEmailOf } from "@/lib/services/auth/require-verified-email";
import { checkPassword } from "@/lib/services/auth/check-password";

/** One answer for every failure, so the response never tells whether an email is registered. */
export const invalidCredentials = () => new AppError("unauthorized", "The email or password is incorrect.");

/**
 * The credential check behind browser sign-in and the token endpoint: the one password
 * check with its limits (check-password.ts), then a refusal of an unconfirmed email
 * when EMAIL_VERIFICATION=required. It opens nothing: the caller opens the session.
 */
export async function verifyCredentials({ email, password }: SignInInput): Promise<User> {
  const user = await db().user.findFirst({ where: { email, deletedAt: null } });
  const signedIn = await checkPassword({ email, user, password, purpose: "sign_in" });
  if (!signedIn) throw invalidCredentials();
  // Only now, with the password right, may the answer differ from "incorrect".
  requireVerifiedEmailOf(signedIn);
  return signedIn;
}
