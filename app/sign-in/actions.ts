"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { EmailNotVerified, SecondFactorRequired, signIn, SignInRateLimited } from "@/lib/auth/auth";
import { setPendingSignInCookie } from "@/lib/auth/pending-sign-in-cookie";
import { ssoProviderId } from "@/lib/auth/single-sign-on";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { signInSchema } from "@/lib/schemas/auth";
import { emailNotVerified } from "@/lib/services/auth/assert-email-verified";
import { secondFactorPath } from "@/app/sign-in/sign-in-paths";

const callbackUrl = z.unknown().transform((candidate) => safeRedirectPath(candidate));

export const signInAction = formAction(
  { schema: signInSchema.extend({ callbackUrl }), authenticated: false },
  async ({ input: { callbackUrl, ...credentials } }) => {
    try {
      await signIn("credentials", { ...credentials, redirectTo: callbackUrl });
    } catch (error) {
      // Auth.js signals success with a redirect, which passes through; only its own errors are answers.
      if (error instanceof SecondFactorRequired) {
        await setPendingSignInCookie(error.pendingSignIn);
        redirect(secondFactorPath(callbackUrl));
      }
      if (error instanceof SignInRateLimited) throw new AppError("rate_limited", error.detail);
      if (error instanceof EmailNotVerified) throw emailNotVerified();
      if (error instanceof AuthError) throw new AppError("unauthorized", "The email or password is incorrect.");
      throw error;
    }
  },
);

export const signInWithSsoAction = formAction({ schema: z.object({ callbackUrl }), authenticated: false }, async ({ input }) => {
  await signIn(ssoProviderId, { redirectTo: input.callbackUrl });
});
