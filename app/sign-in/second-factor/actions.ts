"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { PendingSignInExpired, signIn, SignInRateLimited } from "@/lib/auth/auth";
import { clearPendingSignInCookie, readPendingSignInCookie } from "@/lib/auth/pending-sign-in-cookie";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { secondFactorFormSchema } from "@/lib/schemas/second-factor";
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
  { schema: secondFactorFormSchema.and(z.object({ callbackUrl })), authenticated: false },
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
    redirect(input.callbackUrl);
  },
);
