import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { refuseWhileImpersonating } from "@/lib/auth/impersonation-gate";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Proof, User } from "@/lib/generated/prisma/client";
import { checkPassword } from "@/lib/services/auth/check-password";
import { checkSecondFactor } from "@/lib/services/mfa/check-second-factor";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";

/** What a caller may send along with a sensitive request to confirm who they are. */
export type StepUpProof = { password?: string; otp?: string; recoveryCode?: string };

type StepUpOptions = {
  /** The caller's service already checked the password in this request (email and password changes). */
  passwordChecked?: boolean;
  /**
   * Personal access tokens have no session to confirm and are not checked for factors at
   * use, so they pass the step-up of other actions; minting a new credential is the
   * exception, where a token must send the proof along.
   */
  evenForTokens?: boolean;
};

const invalidField = (field: string, message: string) =>
  new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: [{ field, message }] });

const window = () => config().STEP_UP_MINUTES;

const passwordNeeded = () =>
  new AppError(
    "reauthentication_required",
    `Confirm your password first: send it as "password", or POST it to /api/v1/users/me/verify; a sign-in or confirmation counts for ${window()} minutes.`,
  );

const secondFactorNeeded = () =>
  new AppError(
    "second_factor_required",
    `Confirm your second factor first: send "otp" (or "recoveryCode"), or POST it to /api/v1/users/me/verify; a confirmation counts for ${window()} minutes.`,
  );

/**
 * Sensitive actions need a fresh proof of who is asking, so that a session left open or
 * stolen cannot take the account or do lasting harm. Users with a second factor prove it
 * with a code (or a sign-in that asked for one) within STEP_UP_MINUTES; users without one,
 * with their password (or a sign-in) in that time. A proof sent along is checked on the
 * sign-in limits and, when right, confirms the session for the next few minutes too.
 * Throws 403 `second_factor_required` or `reauthentication_required`, naming the check.
 */
export async function requireStepUp(actor: Actor, proof: StepUpProof = {}, options: StepUpOptions = {}): Promise<void> {
  refuseWhileImpersonating(actor, "sensitive actions and the proof they ask for");
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  const needsFactor = await hasSecondFactor(user.id);

  if (needsFactor && (proof.otp || proof.recoveryCode)) {
    await confirmCode(user, proof);
    return markVerified(actor, "second_factor");
  }
  if (!needsFactor && options.passwordChecked) return;
  if (!needsFactor && proof.password !== undefined) {
    await confirmPassword(user, proof.password);
    return markVerified(actor, "password");
  }
  if (actor.via === "api_token" && !options.evenForTokens) return;
  if (await sessionRecentlyVerified(actor, needsFactor)) return;
  throw needsFactor ? secondFactorNeeded() : passwordNeeded();
}

/**
 * Confirms who the caller is on purpose (`POST /api/v1/users/me/verify`, the pages'
 * confirmation dialog): checks the one proof the account calls for, a code for users with
 * a second factor, else the password, and marks the session confirmed for STEP_UP_MINUTES.
 */
export async function confirmIdentity({ actor, proof }: { actor: Actor; proof: StepUpProof }): Promise<void> {
  refuseWhileImpersonating(actor, "their password and second factors");
  if (!actor.sessionId) {
    throw new AppError("bad_request", "A personal access token has no session to confirm; send the proof with the request itself.");
  }
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  if (await hasSecondFactor(user.id)) {
    if (!proof.otp && !proof.recoveryCode)
      throw invalidField("otp", "Your account uses a second factor: enter a code from your app or a recovery code.");
    await confirmCode(user, proof);
    return markVerified(actor, "second_factor");
  }
  if (proof.password === undefined) throw invalidField("password", "Enter your password.");
  await confirmPassword(user, proof.password);
  await markVerified(actor, "password");
}

/** Checks the code sent (an app code before a recovery code) on the sign-in limits. */
async function confirmCode(user: User, proof: StepUpProof): Promise<void> {
  const code = proof.otp ? { otp: proof.otp } : { recoveryCode: proof.recoveryCode ?? "" };
  if (!(await checkSecondFactor(user, code, "confirmation")))
    throw invalidField(proof.otp ? "otp" : "recoveryCode", "The code is not valid.");
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
async function markVerified(actor: Actor, verifiedWith: Proof): Promise<void> {
  if (!actor.sessionId) return;
  await db().session.updateMany({ where: { id: actor.sessionId, userId: actor.userId }, data: { verifiedAt: new Date(), verifiedWith } });
}
