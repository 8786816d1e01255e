/**
 * Why a sign-in was refused, as `auth.sign_in_failed` records it in `after.reason`, with
 * the words the overview shows. The places that refuse name their reasons by this type,
 * so a new reason cannot reach the dashboard as a bare code.
 */
export const signInFailureReasons = {
  wrong_password: "Wrong password",
  unknown_email: "Unknown email",
  account_disabled: "Account disabled",
  too_many_from_address: "Too many attempts from one address",
  too_many_for_account: "Too many attempts at the account",
  delayed: "Tried again before the wait was over",
  unknown_passkey: "Unknown passkey",
  wrong_user_handle: "Passkey of another account",
  passkey_not_verified: "Passkey check failed",
  passkey_used_concurrently: "Passkey used twice at once",
} as const;

export type SignInFailureReason = keyof typeof signInFailureReasons;

/** The words for a recorded reason; one this version does not know (from an older one) shows as its code. */
export function describeSignInFailure(reason: string): string {
  return Object.hasOwn(signInFailureReasons, reason) ? signInFailureReasons[reason as SignInFailureReason] : `Other (${reason})`;
}
