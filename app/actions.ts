"use server";

import { z } from "zod";
import { blankAsMissing } from "@/lib/actions/form-data";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { signOut } from "@/lib/auth/auth";
import { stepUpFields } from "@/lib/schemas/step-up";
import { confirmIdentity } from "@/lib/services/auth/require-step-up";

/** Signing out works even when the session already ended elsewhere: it clears the cookie either way. */
export const signOutAction = serverAction({ authenticated: false }, async () => {
  await signOut({ redirectTo: "/sign-in" });
});

const confirmationForm = z.object({
  password: z.preprocess(blankAsMissing, stepUpFields.password),
  otp: z.preprocess(blankAsMissing, stepUpFields.otp),
  recoveryCode: z.preprocess(blankAsMissing, stepUpFields.recoveryCode),
});

/** The confirmation dialog of sensitive actions (step-up): one proof, then the action is sent again. */
export const confirmIdentityAction = formAction({ schema: confirmationForm }, async ({ actor, input }) => {
  await confirmIdentity({ actor, proof: input });
  return { success: "Confirmed." };
});
