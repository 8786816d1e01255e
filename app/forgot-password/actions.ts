"use server";

import { formStateFromError } from "@/components/forms/form-error";
import type { FormState } from "@/components/forms/form-state";
import { runInActionContext } from "@/lib/http/action-context";
import { fieldErrorsOf } from "@/lib/http/problem";
import { forgotPasswordSchema } from "@/lib/schemas/auth-email";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";

export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const { message } = await runInActionContext(() => requestPasswordReset(parsed.data));
    return { success: message };
  } catch (error) {
    return formStateFromError(error, values);
  }
}
