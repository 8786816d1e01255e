"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { EmailNotVerified, SecondFactorRequired, signIn, SignInRateLimited } from "@/lib/session/auth";
import { setPendingSignInCookie } from "@/lib/session/pending-sign-in-cookie";
import { rememberSignedInDevice } from "@/lib/session/remember-device";
import { ssoProviderId } from "@/lib/session/single-sign-on";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { signInSchema } from "@/lib/schemas/auth";
import { emailNotVerified } from "@/lib/services/auth/require-verified-email";
import { secondFactorPath } from "@/app/sign-in/sign-in-paths";

const callbackUrl = z.unknown().transform((candidate) => safeRedirectPath(candidate));

export const signInAction = formAction(
  { action: "auth.sign-in", schema: signInSchema.extend({ callbackUrl }) },
  async ({ input: { callbackUrl, ...credentials } }) => {
    try {
      await signIn("credentials", { ...credentials, redirect: false });
    } catch (error) {
      if (error instanceof SecondFactorRequired) {
        await setPendingSignInCookie(error.pendingSignIn);
        redirect(secondFactorPath(callbackUrl));
      }
      if (error instanceof SignInRateLimited) throw new AppError("rate_limited", error.detail);
      if (error instanceof EmailNotVerified) throw emailNotVerified();
      if (error instanceof AuthError) throw new AppError("unauthorized", "The email or password is incorrect.");
      throw error;
    }
    await rememberSignedInDevice();
    redirect(callbackUrl);
  },
);

export const signInWithSsoAction = formAction({ action: "auth.sign-in.sso", schema: z.object({ callbackUrl }) }, async ({ input }) => {
  await signIn(ssoProviderId, { redirectTo: input.callbackUrl });
});
