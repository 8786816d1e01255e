"use server";

import { AuthError } from "next-auth";
import { EmailNotVerified, signIn, SignInRateLimited } from "@/lib/auth/auth";
import { ssoProviderId } from "@/lib/auth/single-sign-on";
import { emailNotVerified } from "@/lib/services/auth/assert-email-verified";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { fieldErrorsOf } from "@/lib/http/problem";
import { signInSchema } from "@/lib/schemas/auth";
import type { FormState } from "@/components/forms/form-state";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email } };

  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
  } catch (error) {
    // Auth.js signals success with a redirect, which must propagate; only its own errors are answers.
    if (error instanceof SignInRateLimited) return { error: error.detail, values: { email } };
    if (error instanceof EmailNotVerified) return { error: emailNotVerified().message, values: { email } };
    if (error instanceof AuthError) return { error: "The email or password is incorrect.", values: { email } };
    throw error;
  }
  return {};
}

export async function signInWithSsoAction(formData: FormData): Promise<void> {
  await signIn(ssoProviderId, { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}
