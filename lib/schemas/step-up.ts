import { z } from "zod";
import { currentPasswordField, otpField, recoveryCodeField } from "@/lib/schemas/fields";

/**
 * The proofs a sensitive request may carry (require-step-up.ts): the password for users
 * without a second factor, a code for users with one.
 */
export const stepUpFields = {
  password: currentPasswordField.optional().meta({ description: "The caller's current password (users without a second factor)." }),
  otp: otpField.optional().meta({ description: "A current code from the caller's authenticator app (users with a second factor)." }),
  recoveryCode: recoveryCodeField.optional().meta({ description: "One of the caller's unused recovery codes, instead of `otp`." }),
};

/** `POST /api/v1/users/me/verify` and the confirmation dialog of pages: one proof. */
export const stepUpSchema = z
  .strictObject(stepUpFields)
  .refine((proof) => proof.password !== undefined || proof.otp !== undefined || proof.recoveryCode !== undefined, {
    message: "Send your password, or a code from your app, or a recovery code.",
    path: ["password"],
  });
export type StepUp = z.infer<typeof stepUpSchema>;
