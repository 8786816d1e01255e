import "server-only";
import { passkeyMethod } from "@/lib/auth/authentication-methods";
import { sessionActor } from "@/lib/auth/actor";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthenticationResponseInput } from "@/lib/schemas/passkeys";
import { requireVerifiedEmailOf } from "@/lib/services/auth/require-verified-email";
import { openSession } from "@/lib/services/auth/open-session";
import { claimPendingAttempt, consumePendingSignIn, findPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { sessionExpiry } from "@/lib/services/auth/session-policy";
import type { SignInResult } from "@/lib/services/auth/sign-in-with-password";
import { pendingSignInExpired } from "@/lib/services/passkeys/start-passkey-second-factor";
import { verifyPasskeyAssertion } from "@/lib/services/passkeys/verify-passkey-assertion";

export const passkeyRefused = () => new AppError("unauthorized", "The passkey was not accepted.");

/** Either a passwordless sign-in (its `passkeyChallenge`) or the second step after a password (its pending sign-in's secret). */
export type PasskeySignIn = ({ passkeyChallenge: string; pendingSignIn?: never } | { pendingSignIn: string; passkeyChallenge?: never }) & {
  response: AuthenticationResponseInput;
};

/**
 * Opens a browser session with a passkey: alone (passwordless, the passkey verifying the
 * person too), or after the password as the second factor. Either way the session
 * counts as verified with a second factor. The challenge is spent with the session, in
 * one transaction, so one answer opens at most one session; a wrong answer counts
 * against the pending sign-in and, once the account is known, its limits.
 */
export async function signInWithPasskey(input: PasskeySignIn): Promise<SignInResult> {
  const passwordless = input.passkeyChallenge !== undefined;
  const pending = await findPendingSignIn(input.passkeyChallenge ?? input.pendingSignIn, "browser");
  // A passwordless challenge names no user, a second step always does: neither can stand in for the other.
  if (!pending?.challenge || passwordless !== (pending.userId === null)) throw pendingSignInExpired();
  if (!(await claimPendingAttempt(pending.id))) throw pendingSignInExpired();

  const verified = await verifyPasskeyAssertion({
    response: input.response,
    challenge: pending.challenge,
    user: pending.user,
    requireUserVerification: passwordless,
    purpose: "sign_in",
  });
  if (!verified) throw passkeyRefused();
  const { user } = verified;
  const passkey = await db().mfaFactor.findUnique({ where: { id: verified.factorId }, select: { transports: true } });
  const method = passkeyMethod(passkey?.transports ?? []);
  requireVerifiedEmailOf(user);

  const sessionToken = generateToken();
  const now = new Date();
  const session = await db().$transaction(async (tx) => {
    if (!(await consumePendingSignIn(tx, pending.id))) throw pendingSignInExpired();
    const expires = sessionExpiry(now, now);
    return openSession(tx, {
      user,
      kind: "browser",
      sessionTokenHash: hashToken(sessionToken),
      expires,
      now,
      verifiedWith: "second_factor",
      // Alone, the passkey was checked with user verification; as a second step it follows the password.
      amr: passwordless ? [method, "mfa"] : ["pwd", method],
    });
  });
  return { actor: sessionActor(user, session.id), sessionToken };
}
