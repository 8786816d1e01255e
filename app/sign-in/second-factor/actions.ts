"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { PendingSignInExpired, signIn, SignInRateLimited } from "@/lib/session/auth";
import { completePasskeySignIn } from "@/lib/session/complete-passkey-sign-in";
import { clearPendingSignInCookie, readPendingSignInCookie } from "@/lib/session/pending-sign-in-cookie";
import { rememberSignedInDevice } from "@/lib/session/remember-device";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { secondFactorFormSchema } from "@/lib/schemas/second-factor";
import { startPasskeySecondFactor } from "@/lib/services/passkeys/start-passkey-second-factor";
import { signInAgainPath } from "@/app/sign-in/sign-in-paths";

const callbackUrl = z.unknown().transform((candidate) => safeRedirectPath(candidate));

const wrongCode = (field: "otp" | "recoveryCode") =>
  new AppError("validation_failed", "The request has invalid fields.", {
    fieldErrors: [
      field === "otp"
        ? { field, message: "The code is not valid. Enter the current code from your app." }
        : { field, message: "This recovery code is not valid or was already used." },
    ],
  });

/**
 * The second step of signing in: the code typed here and the pending sign-in in this
 * browser's cookie go to Auth.js, whose `authorize` opens the session only if both hold.
 */
export const secondFactorSignInAction = formAction(
  { action: "auth.sign-in.second-factor", schema: secondFactorFormSchema.and(z.object({ callbackUrl })) },
  async ({ input }) => {
    const pendingSignIn = await readPendingSignInCookie();
    if (!pendingSignIn) redirect(signInAgainPath(input.callbackUrl));
    const proof = input.method === "totp" ? { otp: input.otp } : { recoveryCode: input.recoveryCode };
    try {
      await signIn("credentials", { pendingSignIn, ...proof, redirect: false });
    } catch (error) {
      if (error instanceof PendingSignInExpired) {
        await clearPendingSignInCookie();
        redirect(signInAgainPath(input.callbackUrl));
      }
      if (error instanceof SignInRateLimited) throw new AppError("rate_limited", error.detail);
      if (error instanceof AuthError) throw wrongCode(input.method === "totp" ? "otp" : "recoveryCode");
      throw error;
    }
    await clearPendingSignInCookie();
    await rememberSignedInDevice();
    redirect(input.callbackUrl);
  },
);

/** The second step with a passkey instead of a code: a challenge only this account's passkeys can answer. */
export const startPasskeySecondFactorAction = serverAction({ action: "auth.sign-in.second-factor" }, async () => {
  const pendingSignIn = await readPendingSignInCookie();
  if (!pendingSignIn) return { error: "This sign-in has expired. Sign in again." };
  return { options: await startPasskeySecondFactor({ pendingSignIn }) };
});

export const completePasskeySecondFactorAction = serverAction(
  { action: "auth.sign-in.second-factor", schema: z.object({ passkeyResponse: z.string().max(100_000), callbackUrl }) },
  async ({ input: { callbackUrl, passkeyResponse } }) => {
    const pendingSignIn = await readPendingSignInCookie();
    if (!pendingSignIn) redirect(signInAgainPath(callbackUrl));
    // Success ends in Auth.js's redirect. The cookie is left to expire: the pending sign-in it names is spent.
    await completePasskeySignIn({ pendingSignIn, passkeyResponse }, callbackUrl);
  },
);
