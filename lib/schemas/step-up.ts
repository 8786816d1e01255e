import { z } from "zod";
import { currentPasswordField, otpField, recoveryCodeField } from "@/lib/schemas/fields";
import { authenticationResponseSchema, passkeyChallengeField } from "@/lib/schemas/passkeys";

/**
 * The proofs a sensitive request may carry (require-step-up.ts): the password for users
 * without a second factor, a code for users with one.
 */
export const stepUpFields = {
  password: currentPasswordField.optional().meta({ description: "The caller's current password (users without a second factor)." }),
  otp: otpField.optional().meta({ description: "A current code from the caller's authenticator app (users with a second factor)." }),
  recoveryCode: recoveryCodeField.optional().meta({ description: "One of the caller's unused recovery codes, instead of `otp`." }),
};

/**
 * A passkey's answer as a confirmation (users with a second factor), sent only to
 * `/users/me/verify`: the challenge is this session's, so it cannot ride along another request.
 */
export const passkeyProofFields = {
  passkeyChallenge: passkeyChallengeField
    .optional()
    .meta({ description: "From POST /api/v1/users/me/verify/passkey-options, with `passkeyResponse`; it works once, for 5 minutes." }),
  passkeyResponse: authenticationResponseSchema.optional(),
};

type Proofs = Partial<Record<keyof typeof stepUpFields | keyof typeof passkeyProofFields, unknown>>;

/** `POST /api/v1/users/me/verify`: exactly one proof, a passkey's answer counting as one with its challenge. */
export const stepUpSchema = z.strictObject({ ...stepUpFields, ...passkeyProofFields }).superRefine((proof: Proofs, context) => {
  const passkey = proof.passkeyChallenge !== undefined || proof.passkeyResponse !== undefined;
  if (passkey && proof.passkeyChallenge === undefined) {
    context.addIssue({ code: "custom", path: ["passkeyChallenge"], message: "Send the passkeyChallenge with the passkey's answer." });
  }
  if (passkey && proof.passkeyResponse === undefined) {
    context.addIssue({ code: "custom", path: ["passkeyResponse"], message: "Send the passkey's answer with its passkeyChallenge." });
  }
  const sent = (["password", "otp", "recoveryCode"] as const).filter((field) => proof[field] !== undefined);
  const proofs = passkey ? [...sent, "passkeyResponse"] : sent;
  if (proofs.length === 0) {
    context.addIssue({
      code: "custom",
      path: ["password"],
      message: "Send your password, or a code from your app, or a recovery code, or a passkey's answer.",
    });
  }
  if (proofs.length > 1) {
    context.addIssue({ code: "custom", path: [proofs[1]!], message: `Send one proof, not ${proofs.join(" and ")}.` });
  }
});
export type StepUp = z.infer<typeof stepUpSchema>;
