"use server";

import { formStateFromError } from "@/components/forms/form-error";
import type { FormState } from "@/components/forms/form-state";
import { runInActionContext } from "@/lib/http/action-context";
import { fieldErrorsOf } from "@/lib/http/problem";
import { signUpSchema } from "@/lib/schemas/auth-email";
import { signUp } from "@/lib/services/auth/sign-up";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  const parsed = signUpSchema.safeParse({ ...values, password: String(formData.get("password") ?? "") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const { message } = await runInActionContext(() => signUp(parsed.data));
    return { success: message };
  } catch (error) {
    return formStateFromError(error, values);
  }
}
