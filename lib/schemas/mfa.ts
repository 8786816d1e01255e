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
  "Removing a second factor needs a recent confirmation with a second factor: send a code from the app (`otp`) or a " +
  "`recoveryCode`, or confirm first with POST /api/v1/users/me/verify. The body may be left out.";

/** What may come along with a removal: the code that confirms it. */
export const factorRemovalSchema = z
  .strictObject({ otp: stepUpFields.otp, recoveryCode: stepUpFields.recoveryCode })
  .optional()
  .meta({ description: removalDescription });

/** What an administrator's reset took away. */
export const factorResetSchema = z.object({
  removedFactors: z.number().int(),
  endedSessions: z.number().int().meta({ description: "Browser and API sessions ended; their refresh tokens went with them." }),
});
export type FactorReset = z.infer<typeof factorResetSchema>;
