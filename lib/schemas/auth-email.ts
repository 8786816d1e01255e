import { z } from "zod";
import { currentPasswordField, emailField, nameField, passwordField } from "@/lib/schemas/fields";
import { stepUpFields } from "@/lib/schemas/step-up";

/** Link secrets are 43 base64url characters; anything else cannot be one. */
export const linkTokenField = z
  .string({ error: "The link is incomplete; open it again from the email." })
  .regex(/^[A-Za-z0-9_-]{20,128}$/, "The link is incomplete; open it again from the email.");

export const forgotPasswordSchema = z.strictObject({ email: emailField });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.strictObject({ token: linkTokenField, password: passwordField });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const signUpSchema = z.strictObject({ email: emailField, name: nameField, password: passwordField });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const verifyEmailSchema = z.strictObject({ token: linkTokenField });
export type VerifyEmailInput = z.infer<typeof verifyEmailSchema>;

export const emailChangeSchema = z.strictObject({
  newEmail: emailField,
  password: currentPasswordField,
  // Users with a second factor confirm it too (or did within STEP_UP_MINUTES).
  otp: stepUpFields.otp,
  recoveryCode: stepUpFields.recoveryCode,
});
export type EmailChangeInput = z.infer<typeof emailChangeSchema>;

/** The one answer to requests whose outcome must not say whether an address is registered. */
export const acceptedSchema = z.object({ message: z.string() });
export type Accepted = z.infer<typeof acceptedSchema>;
