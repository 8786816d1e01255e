import { z } from "zod";
import { currentPasswordField, emailField, lineField, otpField, recoveryCodeField } from "@/lib/schemas/fields";

/** Space-delimited scope names (RFC 6749 §3.3); which names are known is checked separately, for `invalid_scope`. */
const scopeParam = lineField().max(200, "The scope is too long.").optional();
const clientIdParam = lineField().max(100, "The client_id is too long.").optional();

/** RFC 6749 §4.3.2: the resource owner password credentials grant. */
export const passwordGrantSchema = z.object({
  grant_type: z.literal("password"),
  username: emailField,
  password: currentPasswordField,
  scope: scopeParam,
  client_id: clientIdParam,
});

/** RFC 6749 §6: refreshing an access token. */
export const refreshGrantSchema = z.object({
  grant_type: z.literal("refresh_token"),
  refresh_token: lineField({ error: "Send the refresh_token." })
    .min(1, "Send the refresh_token.")
    .max(200, "The refresh_token is too long."),
  scope: scopeParam,
  client_id: clientIdParam,
});

/** The grant that finishes a password grant for an account with a second factor. */
export const mfaOtpGrantType = "urn:usermanager:params:oauth:grant-type:mfa-otp";

/** The second half of the password grant: the `mfa_token` of an `mfa_required` answer and one code. */
export const mfaOtpGrantSchema = z
  .object({
    grant_type: z.literal(mfaOtpGrantType),
    mfa_token: lineField({ error: "Send the mfa_token." }).min(1, "Send the mfa_token.").max(200, "The mfa_token is too long."),
    otp: otpField.optional().meta({ description: "A code from the authenticator app." }),
    recovery_code: recoveryCodeField.optional().meta({ description: "One of the recovery codes, instead of otp." }),
    client_id: clientIdParam.meta({ description: "If sent, the client_id the password was sent with." }),
  })
  .refine((grant) => (grant.otp === undefined) !== (grant.recovery_code === undefined), {
    path: ["otp"],
    message: "Send either otp or recovery_code.",
  });

export const tokenRequestSchema = z.discriminatedUnion("grant_type", [passwordGrantSchema, refreshGrantSchema, mfaOtpGrantSchema]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

/** RFC 6749 §5.1. */
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  scope: z.string(),
});

export const oauthErrorCodes = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unsupported_grant_type",
  "invalid_scope",
  // Not in RFC 6749: the password was right and the account has a second factor (see mfaRequiredErrorSchema).
  "mfa_required",
  "temporarily_unavailable",
  "server_error",
  // RFC 8628 3.5: a device polls the identity provider's token endpoint faster than it may.
  "slow_down",
] as const;
export type OAuthErrorCode = (typeof oauthErrorCodes)[number];

/** RFC 6749 §5.2: the token endpoint's error body, which OAuth client libraries expect instead of problem+json. */
export const oauthErrorSchema = z.object({
  error: z.enum(oauthErrorCodes),
  error_description: z.string().optional(),
});

/** The password grant's answer for an account with a second factor: send a code with `mfa_token` to the mfa-otp grant. */
export const mfaRequiredErrorSchema = oauthErrorSchema.extend({
  error: z.literal("mfa_required"),
  mfa_token: z.string().meta({ description: "Single-use, valid 5 minutes; send it with a code to the mfa-otp grant." }),
});

/** RFC 7009 §2.1: revoking a token. */
export const revocationRequestSchema = z.object({
  token: lineField({ error: "Send the token." }).min(1, "Send the token.").max(4096, "The token is too long."),
  // §2.1: a hint the server may ignore; the token's own shape already says what it is.
  token_type_hint: lineField().max(50).optional().meta({ description: "access_token or refresh_token; optional and ignored." }),
  client_id: clientIdParam,
});
export type RevocationRequest = z.infer<typeof revocationRequestSchema>;
