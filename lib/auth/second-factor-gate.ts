import { AppError } from "@/lib/errors";

/**
 * Until someone a policy covers has set up a second factor, they may do one thing: set it
 * up. Pages send them to their account's security settings; API routes and page actions
 * refuse with `mfa_enrollment_required`, except the few that enrolment needs, which say
 * so in the action catalogue with `beforeSecondFactor: true` (their own profile, factor
 * enrolment, confirming who they are, signing out).
 */
export const enrolmentPage = "/account?mfa=required#two-factor";

export const enrolmentRequired = () =>
  new AppError(
    "mfa_enrollment_required",
    "Your account must use a second factor before it can do anything else: add an authenticator app or a passkey " +
      "under Account → Two-factor authentication (API: POST /api/v1/users/me/mfa/totp).",
  );
