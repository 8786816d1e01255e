"use server";

import { formAction } from "@/lib/actions/server-action";
import { verifyEmailSchema } from "@/lib/schemas/auth-email";
import { verifyEmail } from "@/lib/services/auth/verify-email";

export const verifyEmailAction = formAction({ action: "auth.email.verify", schema: verifyEmailSchema.strip() }, async ({ input }) => {
  const { email, changed } = await verifyEmail(input);
  return { success: changed ? `Your email address is now ${email}.` : `Thank you: ${email} is confirmed.` };
});
