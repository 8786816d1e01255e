import { z } from "zod";
import { recoveryCodeField, otpField } from "@/lib/schemas/fields";

/** The secret of a pending sign-in, as the browser's cookie carries it. */
const pendingSignInField = z.string().min(1).max(200);

/**
 * What the second step of a browser sign-in hands Auth.js: the pending sign-in and one
 * code. Not strict: Auth.js adds its own fields (callbackUrl, csrfToken) to the body.
 */
export const secondFactorCredentialsSchema = z
  .union([
    z.object({ pendingSignIn: pendingSignInField, otp: otpField }),
    z.object({ pendingSignIn: pendingSignInField, recoveryCode: recoveryCodeField }),
  ])
  .transform(({ pendingSignIn, ...proof }) => ({ pendingSignIn, proof }));

/** The second-step form: the person chose to type a code from their app, or a recovery code. */
export const secondFactorFormSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), otp: otpField }),
  z.object({ method: z.literal("recovery_code"), recoveryCode: recoveryCodeField }),
]);
export type SecondFactorForm = z.infer<typeof secondFactorFormSchema>;
