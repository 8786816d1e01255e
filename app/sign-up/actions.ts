"use server";

import { formAction } from "@/lib/actions/server-action";
import { signUpSchema } from "@/lib/schemas/auth-email";
import { signUp } from "@/lib/services/auth/sign-up";

export const signUpAction = formAction({ action: "auth.sign-up", schema: signUpSchema.strip() }, async ({ input }) => {
  const { message } = await signUp(input);
  return { success: message };
});
