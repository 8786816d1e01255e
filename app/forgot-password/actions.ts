"use server";

import { formAction } from "@/lib/actions/server-action";
import { forgotPasswordSchema } from "@/lib/schemas/auth-email";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";

export const forgotPasswordAction = formAction(
  { action: "auth.password.forgot", schema: forgotPasswordSchema.strip() },
  async ({ input }) => {
    const { message } = await requestPasswordReset(input);
    return { success: message };
  },
);
