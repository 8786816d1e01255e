"use server";

import { formStateFromError } from "@/components/forms/form-error";
import type { FormState } from "@/components/forms/form-state";
import { runInActionContext } from "@/lib/http/action-context";
import { fieldErrorsOf } from "@/lib/http/problem";
import { verifyEmailSchema } from "@/lib/schemas/auth-email";
import { verifyEmail } from "@/lib/services/auth/verify-email";

export async function verifyEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = verifyEmailSchema.safeParse({ token: formData.get("token") ?? "" });
  if (!parsed.success) return { error: fieldErrorsOf(parsed.error)[0]?.message };
  try {
    const { email, changed } = await runInActionContext(() => verifyEmail(parsed.data));
    return { success: changed ? `Your email address is now ${email}.` : `Thank you: ${email} is confirmed.` };
  } catch (error) {
    return formStateFromError(error);
  }
}
