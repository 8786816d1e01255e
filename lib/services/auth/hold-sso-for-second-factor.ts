import "server-only";
import { startPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { secondFactorStanding } from "@/lib/services/mfa/second-factor-policy";

/**
 * A single sign-on counts as one factor. When a policy (MFA_REQUIRED_FOR, or an
 * organization of the user's) requires a second and the user has one, the sign-in waits
 * for it like a password sign-in: no session yet, a pending sign-in for the second step.
 * A user the policy covers who has no factor yet signs in and is sent to set one up.
 * Returns the pending sign-in for the browser's cookie, or null to let the sign-in through.
 */
export async function holdSsoSignInForSecondFactor(userId: string): Promise<{ secret: string; expiresAt: Date } | null> {
  const { hasFactor, required } = await secondFactorStanding(userId);
  if (!hasFactor || !required) return null;
  return startPendingSignIn({ purpose: "browser", userId });
}
