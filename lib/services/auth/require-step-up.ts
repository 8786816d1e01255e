import "server-only";
import { joinMethods, passkeyMethod, type AuthenticationMethod } from "@/lib/auth/authentication-methods";
import type { Actor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Proof, User } from "@/lib/generated/prisma/client";
import type { AuthenticationResponseInput } from "@/lib/schemas/passkeys";
import { checkPassword } from "@/lib/services/auth/check-password";
import { claimPendingAttempt, consumePendingSignIn, findPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { checkSecondFactor } from "@/lib/services/mfa/check-second-factor";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { verifyPasskeyAssertion } from "@/lib/services/passkeys/verify-passkey-assertion";

/** What a caller may send along with a sensitive request to confirm who they are. */
export type StepUpProof = { password?: string; otp?: string; recoveryCode?: string };

/**
 * What a caller may send to confirm who they are on purpose (`confirmIdentity`): a proof
 * of the request kind, or a passkey's answer to the challenge `startPasskeyConfirmation`
 * gave this session, named by its handle.
 */
export type IdentityProof = StepUpProof & { passkeyChallenge?: string; passkeyResponse?: AuthenticationResponseInput };

type StepUpOptions = {
  /**
   * Personal access tokens have no session to confirm and are not checked for factors at
   * use, so they pass the step-up of other actions; minting a new credential is the
   * exception, where a token must send the proof along.
   */
  evenForTokens?: boolean;
  /** The request field that may carry the password as the proof, named in the refusal. */
  passwordField?: string;
};

const invalidField = (field: string, message: string) =>
  new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: [{ field, message }] });

const window = () => config().STEP_UP_MINUTES;

const passwordNeeded = (field: string | undefined) =>
  new AppError(
    "reauthentication_required",
    `Confirm your password first: ${field ? `send it as "${field}", or ` : ""}POST it to /api/v1/users/me/verify; a sign-in or confirmation counts for ${window()} minutes.`,
  );

const secondFactorNeeded = () =>
  new AppError(
    "second_factor_required",
    `Confirm your second factor first: send "otp" (or "recoveryCode"), or POST it (or a passkey's answer) to /api/v1/users/me/verify; a confirmation counts for ${window()} minutes.`,
  );

/** Only a session can be confirmed for later requests; a token carries its proof along. */
export const noSessionToConfirm = () =>
  new AppError("bad_request", "A personal access token has no session to confirm; send the proof with the request itself.");

/**
 * Sensitive actions need a fresh proof of who is asking, so that a session left open or
 * stolen cannot take the account or do lasting harm. Users with a second factor prove it
 * with a code (or a sign-in that asked for one) within STEP_UP_MINUTES; users without one,
 * with their password (or a sign-in) in that time. A proof sent along is checked on the
 * sign-in limits and, when right, confirms the session for the next few minutes too.
 * Throws 403 `second_factor_required` or `reauthentication_required`, naming the check.
 */
export async function requireStepUp(actor: Actor, proof: StepUpProof = {}, options: StepUpOptions = {}): Promise<void> {
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  const needsFactor = await hasSecondFactor(user.id);

  if (needsFactor && (proof.otp || proof.recoveryCode)) {
    await confirmCode(user, proof);
    return markVerified(actor, "second_factor", "otp");
  }
  if (!needsFactor && proof.password !== undefined) {
    await confirmPassword(user, proof.password);
    return markVerified(actor, "password", "pwd");
  }
  if (actor.via === "api_token" && !options.evenForTokens) return;
  if (await sessionRecentlyVerified(actor, needsFactor)) return;
  throw needsFactor ? secondFactorNeeded() : passwordNeeded(options.passwordField);
}

/**
 * Confirms who the caller is on purpose (`POST /api/v1/users/me/verify`, the pages'
 * confirmation dialog): checks the one proof the account calls for, a code or a passkey
 * for users with a second factor, else the password, and marks the session confirmed for
 * STEP_UP_MINUTES.
 */
export async function confirmIdentity({ actor, proof }: { actor: Actor; proof: IdentityProof }): Promise<void> {
  if (!actor.sessionId) throw noSessionToConfirm();
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  if (await hasSecondFactor(user.id)) {
    if (proof.passkeyChallenge !== undefined || proof.passkeyResponse !== undefined) {
      return markVerified(actor, "second_factor", await confirmPasskey(actor, user, proof));
    }
    if (!proof.otp && !proof.recoveryCode)
      throw invalidField("otp", "Your account uses a second factor: enter a code from your app or a recovery code, or use a passkey.");
    await confirmCode(user, proof);
    return markVerified(actor, "second_factor", "otp");
  }
  if (proof.password === undefined) throw invalidField("password", "Enter your password.");
  await confirmPassword(user, proof.password);
  await markVerified(actor, "password", "pwd");
}

/** Checks the code sent (an app code before a recovery code) on the sign-in limits. */
async function confirmCode(user: User, proof: StepUpProof): Promise<void> {
  const code = proof.otp ? { otp: proof.otp } : { recoveryCode: proof.recoveryCode ?? "" };
  if (!(await checkSecondFactor(user, code, "confirmation")))
    throw invalidField(proof.otp ? "otp" : "recoveryCode", "The code is not valid.");
}

const challengeGone = () => invalidField("passkeyChallenge", "The passkey challenge is unknown, used or expired. Ask for new options.");

/**
 * Checks a passkey's answer with the one assertion check of sign-in: the challenge must be
 * a live `step_up` one given to this user in this session, and is tried at most a few
 * times and spent once; the answer must come from one of the user's own passkeys, sign
 * that challenge for this site, verify the person (the passkey alone stands for them here,
 * as in a passwordless sign-in) and move the counter on. A wrong answer counts on the
 * sign-in limits, as a wrong code does.
 */
async function confirmPasskey(actor: Actor, user: User, { passkeyChallenge, passkeyResponse }: IdentityProof): Promise<"hwk" | "swk"> {
  if (passkeyChallenge === undefined) throw invalidField("passkeyChallenge", "Send the passkeyChallenge with the passkey's answer.");
  if (passkeyResponse === undefined) throw invalidField("passkeyResponse", "Send the passkey's answer with its passkeyChallenge.");
  const pending = await findPendingSignIn(passkeyChallenge, "step_up");
  if (!pending?.challenge || pending.userId !== user.id || pending.sessionId !== actor.sessionId) throw challengeGone();
  if (!(await claimPendingAttempt(pending.id))) throw challengeGone();
  const verified = await verifyPasskeyAssertion({
    response: passkeyResponse,
    challenge: pending.challenge,
    user,
    requireUserVerification: true,
    purpose: "confirmation",
  });
  if (!verified) throw invalidField("passkeyResponse", "The passkey was not accepted.");
  // Two requests racing with one answer both pass the checks above; only one spends the challenge.
  if (!(await consumePendingSignIn(db(), pending.id))) throw challengeGone();
  const passkey = await db().mfaFactor.findUnique({ where: { id: verified.factorId }, select: { transports: true } });
  return passkeyMethod(passkey?.transports ?? []);
}

async function confirmPassword(user: User, password: string): Promise<void> {
  const confirmed = await checkPassword({ email: user.email, user, password, purpose: "confirmation" });
  if (!confirmed) throw invalidField("password", "The password is incorrect.");
}

async function sessionRecentlyVerified(actor: Actor, needsFactor: boolean): Promise<boolean> {
  if (!actor.sessionId) return false;
  const session = await db().session.findUnique({ where: { id: actor.sessionId }, select: { verifiedAt: true, verifiedWith: true } });
  if (!session || Date.now() - session.verifiedAt.getTime() > window() * 60_000) return false;
  return !needsFactor || session.verifiedWith === "second_factor";
}

/** A right proof confirms the caller's session for the next STEP_UP_MINUTES, as a fresh sign-in would. */
async function markVerified(actor: Actor, verifiedWith: Proof, method: AuthenticationMethod): Promise<void> {
  if (!actor.sessionId) return;
  const session = await db().session.findFirst({ where: { id: actor.sessionId, userId: actor.userId }, select: { amr: true } });
  if (!session) return;
  // The session now also proved this method; applications signing in from it learn so (amr).
  await db().session.update({
    where: { id: actor.sessionId },
    data: { verifiedAt: new Date(), verifiedWith, amr: joinMethods(session.amr, [method]) },
  });
}
