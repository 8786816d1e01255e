"use server";

import { formStateFromError } from "@/components/forms/form-error";
import type { FormState } from "@/components/forms/form-state";
import { runInActionContext } from "@/lib/http/action-context";
import { fieldErrorsOf } from "@/lib/http/problem";
import { resetPasswordSchema } from "@/lib/schemas/auth-email";
import { resetPassword } from "@/lib/services/auth/reset-password";

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse({ token: formData.get("token") ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await runInActionContext(() => resetPassword(parsed.data));
    return { success: "Your password was changed, and every session was signed out. Sign in with the new password." };
  } catch (error) {
    return formStateFromError(error);
  }
}
