import "server-only";
import { db } from "@/lib/db";
import type { SignInInput } from "@/lib/schemas/auth";
import { openBrowserSession, type SignInResult } from "@/lib/services/auth/open-browser-session";
import { startPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";

export type { SignInResult };

/** The password was right but is not enough: the browser keeps this secret until the second step. */
export type SecondFactorStep = { pendingSignIn: { secret: string; expiresAt: Date } };

/**
 * Checks a password and opens a browser session, unless the account has a second
 * factor: then no session exists yet, only a pending sign-in that the second step
 * completes (complete-second-factor-sign-in.ts).
 */
export async function signInWithPassword(input: SignInInput): Promise<SignInResult | SecondFactorStep> {
  const user = await verifyCredentials(input);
  if (await hasSecondFactor(user.id)) {
    return { pendingSignIn: await startPendingSignIn({ purpose: "browser", userId: user.id }) };
  }
  return db().$transaction((tx) => openBrowserSession(tx, user, "password"));
}
