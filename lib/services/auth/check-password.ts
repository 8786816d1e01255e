import "server-only";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { recordRightGuess, recordWrongGuess, startGuess, type GuessSubject } from "@/lib/services/auth/guess-limits";
import type { SignInFailureReason } from "@/lib/audit/sign-in-failure-reasons";

export type PasswordCheck = GuessSubject & { password: string };

type Failure = Extract<SignInFailureReason, "unknown_email" | "wrong_password" | "account_disabled">;

/**
 * The one password check. Every place that asks for a password goes through it, so the
 * same limits bound guessing whichever door is used (guess-limits.ts: per client
 * address, per account and address, the account's ceiling, or a known browser's own).
 * Refusals throw 429 and, like failures, are audited with their reason. Returns the
 * user when the password is right and the account active, else null (the caller says
 * "incorrect" in its own words). A right password stored under an old scheme is rehashed.
 */
export async function checkPassword({ password, ...subject }: PasswordCheck): Promise<User | null> {
  const guess = await startGuess(subject);

  const { user } = subject;
  const matches = await verifyPassword(password, user?.passwordHash);
  if (user?.passwordHash && matches && user.status === "active") {
    await recordRightGuess(guess);
    if (needsRehash(user.passwordHash)) await rehash(user, password);
    return user;
  }
  const reason: Failure = !user ? "unknown_email" : !matches ? "wrong_password" : "account_disabled";
  await recordWrongGuess(guess, { reason });
  return null;
}

/** Moves a right password onto today's scheme; a concurrent password change wins. */
async function rehash(user: User, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
}
