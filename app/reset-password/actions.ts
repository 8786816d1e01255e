"use server";

import { formAction } from "@/lib/actions/server-action";
import { resetPasswordSchema } from "@/lib/schemas/auth-email";
import { resetPassword } from "@/lib/services/auth/reset-password";

export const resetPasswordAction = formAction({ action: "auth.password.reset", schema: resetPasswordSchema.strip() }, async ({ input }) => {
  await resetPassword(input);
  return { success: "Your password was changed, and every session was signed out. Sign in with the new password." };
});
