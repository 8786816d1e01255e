import { z } from "zod";
import { currentPasswordField } from "@/lib/schemas/fields";

/** A code from an authenticator app: six digits; spaces that apps show in the middle are dropped. */
export const otpField = z
  .string({ error: "Enter the 6-digit code from your app." })
  .transform((code) => code.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your app."));

/** One of the ten recovery codes, as printed (XXXXX-XXXXX); case and dashes do not matter. */
export const recoveryCodeField = z
  .string({ error: "Enter a recovery code." })
  .trim()
  .min(1, "Enter a recovery code.")
  .max(32, "A recovery code has 10 characters.")
  .regex(/^[A-Za-z0-9 -]+$/, "A recovery code has letters, digits and a dash.");

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
