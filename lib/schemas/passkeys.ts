import { z } from "zod";
import { lineField, nameField } from "@/lib/schemas/fields";

/**
 * WebAuthn's JSON forms (W3C WebAuthn Level 3, §5.1.8 and §5.1.9), as
 * `@simplewebauthn/browser` produces them. These objects are not strict: browsers define
 * them and add members over time, and a new member must not turn a valid passkey into a
 * 422; unknown members are dropped, and the library checks what remains.
 */
const base64url = (what: string, max: number) =>
  z
    .string({ error: `Send the ${what}.` })
    .min(1, `Send the ${what}.`)
    .max(max, `The ${what} is too long.`)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `The ${what} must be base64url.`);

// A credential id is at most 1023 bytes (§5.8.3); an attestation with its certificates stays far below 64 KB.
const credentialId = base64url("credential id", 1400);
const clientDataJSON = base64url("clientDataJSON", 8192);
const transport = z.string().regex(/^[a-z-]{1,32}$/, "Not a transport name.");
const extensionResults = z.record(z.string(), z.unknown()).default({});

export const registrationResponseSchema = z
  .object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal("public-key", { error: 'The type must be "public-key".' }),
    response: z.object({
      clientDataJSON,
      attestationObject: base64url("attestationObject", 65_536),
      transports: z.array(transport).max(10).optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: extensionResults,
  })
  .meta({
    description: "The browser's answer to navigator.credentials.create(), as @simplewebauthn/browser's startRegistration returns it.",
  });
export type RegistrationResponseInput = z.infer<typeof registrationResponseSchema>;

export const authenticationResponseSchema = z
  .object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal("public-key", { error: 'The type must be "public-key".' }),
    response: z.object({
      clientDataJSON,
      authenticatorData: base64url("authenticatorData", 8192),
      signature: base64url("signature", 8192),
      userHandle: base64url("userHandle", 128).optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: extensionResults,
  })
  .meta({
    description: "The browser's answer to navigator.credentials.get(), as @simplewebauthn/browser's startAuthentication returns it.",
  });
export type AuthenticationResponseInput = z.infer<typeof authenticationResponseSchema>;

/** Registering a passkey: the name its owner will recognise it by, and the browser's answer. */
export const passkeyRegistrationSchema = z.strictObject({
  name: nameField.meta({ description: 'What the owner calls it, e.g. "Work laptop".' }),
  response: registrationResponseSchema,
});
export type PasskeyRegistrationInput = z.input<typeof passkeyRegistrationSchema>;

/** The handle of a passkey sign-in that /options started; it names the challenge to answer. */
export const passkeyChallengeField = lineField({ error: "Send the passkeyChallenge." })
  .min(1, "Send the passkeyChallenge.")
  .max(200, "The passkeyChallenge is too long.")
  .meta({ description: "From the options answer; it works once, for 5 minutes." });

/** An API client completing a passwordless sign-in; scope and clientId as in the password grant. */
export const passkeyTokenRequestSchema = z.strictObject({
  passkeyChallenge: passkeyChallengeField,
  response: authenticationResponseSchema,
  scope: lineField()
    .max(200, "The scope is too long.")
    .optional()
    .meta({ description: "Space-delimited, from read and write (default: both)." }),
  clientId: lineField().max(100, "The clientId is too long.").optional(),
});
export type PasskeyTokenRequest = z.infer<typeof passkeyTokenRequestSchema>;

/** A passkey as its owner sees it: never its key. */
export const passkeyPublicSchema = z.object({
  id: z.uuid(),
  kind: z.literal("passkey"),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

/** The options for navigator.credentials.create()/get(), passed as is to @simplewebauthn/browser. */
export const passkeyOptionsSchema = z
  .looseObject({ challenge: z.string(), timeout: z.number().int().optional(), rpId: z.string().optional() })
  .meta({ description: "PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON (WebAuthn Level 3)." });

/**
 * A passkey's answer sent as JSON text, as browsers hand it to server actions and Auth.js
 * (whose credentials are form fields); parsed, then checked like the API's JSON body.
 */
export const asJsonText = <Schema extends z.ZodType>(schema: Schema) =>
  z
    .string({ error: "Send the passkey's answer." })
    .max(100_000, "The passkey's answer is too long.")
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "The passkey's answer is not JSON." });
        return z.NEVER;
      }
    })
    .pipe(schema);

/**
 * The Auth.js credentials of a passkey sign-in: passwordless (`passkeyChallenge`, from the
 * sign-in options) or the second step after a password (`pendingSignIn`, from its cookie).
 */
export const passkeySignInCredentialsSchema = z.union([
  z.object({ passkeyChallenge: passkeyChallengeField, passkeyResponse: asJsonText(authenticationResponseSchema) }),
  z.object({ pendingSignIn: passkeyChallengeField, passkeyResponse: asJsonText(authenticationResponseSchema) }),
]);
