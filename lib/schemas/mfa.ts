import "@/lib/schemas/openapi-zod";
import { z } from "zod";
import { otpField } from "@/lib/schemas/fields";
import { stepUpFields } from "@/lib/schemas/step-up";

/** A second factor as its owner and administrators see it: never its secret or key. */
export const factorPublicSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["totp", "passkey"]),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type FactorPublic = z.infer<typeof factorPublicSchema>;

export const factorSummarySchema = z.object({
  factors: z.array(factorPublicSchema),
  recoveryCodesRemaining: z.number().int().meta({ description: "Unused recovery codes; each works once." }),
});
export type FactorSummaryPublic = z.infer<typeof factorSummarySchema>;

export const totpEnrolmentSchema = z.object({
  secret: z.string().meta({ description: "The base32 secret, for typing into an app by hand." }),
  uri: z.string().meta({ description: "The otpauth:// URI an app reads from a QR code." }),
});

export const totpConfirmSchema = z.strictObject({ code: otpField });
export type TotpConfirm = z.infer<typeof totpConfirmSchema>;

export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).meta({ description: "Ten single-use codes, shown this once; earlier codes stop working." }),
});

const removalDescription =
  "Removing the last second factor needs one proof: the current `password`, a code from the app (`otp`) or a `recoveryCode`. " +
  "Send `{}` while another factor remains.";

/** What proves the caller may turn the second step off: at most one of password, app code or recovery code. */
export const factorRemovalSchema = z
  .strictObject(stepUpFields)
  .refine((proof) => [proof.password, proof.otp, proof.recoveryCode].filter((value) => value !== undefined).length <= 1, {
    path: ["password"],
    message: "Send one proof: password, otp or recoveryCode.",
  })
  .meta({ description: removalDescription });
export type FactorRemoval = z.infer<typeof factorRemovalSchema>;

/** What an administrator's reset took away. */
export const factorResetSchema = z.object({
  removedFactors: z.number().int(),
  endedSessions: z.number().int().meta({ description: "Browser and API sessions ended; their refresh tokens went with them." }),
});
export type FactorReset = z.infer<typeof factorResetSchema>;
