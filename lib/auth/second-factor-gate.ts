import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/**
 * Until someone a policy covers has set up a second factor, they may do one thing: set it
 * up. Pages send them to their account's security settings; API routes and page actions
 * refuse with `mfa_enrollment_required`, except the few that enrolment needs, which say
 * so with `beforeSecondFactor: true` (their own profile, factor enrolment, signing out).
 */
export const enrolmentPage = "/account?mfa=required#two-factor";

export const enrolmentRequired = () =>
  new AppError(
    "mfa_enrollment_required",
    "Your account must use a second factor before it can do anything else: add an authenticator app or a passkey " +
      "under Account → Two-factor authentication (API: POST /api/v1/users/me/mfa/totp).",
  );

/** Throws for a caller who must still enrol, unless the entry point is one enrolment needs. */
export function refuseBeforeSecondFactor(actor: Actor | null, allowedBeforeSecondFactor: boolean | undefined): void {
  if (actor?.mustEnrollSecondFactor && !allowedBeforeSecondFactor) throw enrolmentRequired();
}
