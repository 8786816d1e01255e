import { z } from "zod";
import { currentPasswordField, passwordField } from "@/lib/schemas/fields";
import { stepUpFields } from "@/lib/schemas/step-up";

const revokeTokensDescription =
  "Also revoke every personal access token of the user (the default): whoever knew the old password may have made one.";

export const passwordChangeSchema = z
  .strictObject({
    currentPassword: currentPasswordField,
    newPassword: passwordField,
    revokeTokens: z.boolean({ error: "Give true or false." }).default(true).meta({ description: revokeTokensDescription }),
    // Users with a second factor confirm it too (or did within STEP_UP_MINUTES).
    otp: stepUpFields.otp,
    recoveryCode: stepUpFields.recoveryCode,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: "Choose a password different from the current one.",
    path: ["newPassword"],
  });
export type PasswordChange = z.input<typeof passwordChangeSchema>;

/** A signed-in browser or API client as its user sees it: never the session secret. */
export const sessionPublicSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["browser", "api"]),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  client: z.string().meta({ description: 'The browser and system, e.g. "Firefox on Windows".' }),
  current: z.boolean().meta({ description: "Whether this is the session making the request." }),
});
export type SessionPublic = z.infer<typeof sessionPublicSchema>;

/** An application the person granted access through the identity provider. */
export const grantedApplicationSchema = z.object({
  clientId: z.string().meta({ description: "The application's client_id." }),
  name: z.string(),
  logoUri: z.string().nullable(),
  scopes: z.array(z.string()).meta({ description: "What the person allowed it: OpenID scopes and API scopes." }),
  grantedAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().meta({ description: "When it last got a code or refreshed its tokens, or was granted." }),
});
export type GrantedApplicationPublic = z.infer<typeof grantedApplicationSchema>;

/** The client_id a revoke button sends: the identity provider's form (umc_ and URL-safe characters). */
export const clientIdField = z.string().min(1, "Choose an application.").max(200);
