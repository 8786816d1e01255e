/** Where the second step of sign-in lives, carrying the page to return to. */
export const secondFactorPath = (callbackUrl: string) => `/sign-in/second-factor?${new URLSearchParams({ callbackUrl })}`;

/** Back to the password step, saying why: the pending sign-in expired, was used, or was guessed at too often. */
export const signInAgainPath = (callbackUrl: string) => `/sign-in?${new URLSearchParams({ callbackUrl, reason: "expired" })}`;
