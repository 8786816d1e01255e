import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openBrowserSession, type SignInResult } from "@/lib/services/auth/open-browser-session";
import { claimPendingAttempt, consumePendingSignIn, findPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { checkSecondFactor, type CodeProof } from "@/lib/services/mfa/check-second-factor";

/** Expired, already used, unknown or guessed at too often: all the same to the person, who signs in again. */
const pendingSignInGone = () => new AppError("not_found", "This sign-in has expired or was already used; sign in again.");

const wrongCode = () => new AppError("unauthorized", "The code is not valid.");

/**
 * The second step of a browser sign-in: the pending sign-in the password step started
 * (its secret comes from the browser's cookie) and a code from the person's app or one
 * of their recovery codes. Only now is the session opened, marked as verified with a
 * second factor. Every wrong code counts twice: against the account's password limits
 * (in checkSecondFactor) and against this pending sign-in, which dies after a few, so
 * guessing from many addresses still ends with a new password step.
 */
export async function completeSecondFactorSignIn({
  pendingSignIn,
  proof,
}: {
  pendingSignIn: string;
  proof: CodeProof;
}): Promise<SignInResult> {
  const pending = await findPendingSignIn(pendingSignIn, "browser");
  if (!pending?.user) throw pendingSignInGone();
  const user = pending.user;
  // Taken before the code is checked, a refused or 429-answered code included.
  if (!(await claimPendingAttempt(pending.id))) throw pendingSignInGone();

  const used = await checkSecondFactor(user, proof, "sign_in");
  if (!used) throw wrongCode();

  return db().$transaction(async (tx) => {
    // Two tabs completing the same sign-in: the second finds it spent.
    if (!(await consumePendingSignIn(tx, pending.id))) throw pendingSignInGone();
    return openBrowserSession(tx, user, "second_factor", ["pwd", "otp"]);
  });
}
