import { z } from "zod";
import { apiScopes } from "@/lib/auth/scopes";
import { dateTimeField, idField, nameField } from "@/lib/schemas/fields";
import { stepUpFields } from "@/lib/schemas/step-up";

export const apiScopeSchema = z.enum(apiScopes, { error: `Choose from: ${apiScopes.join(", ")}.` });

/** A personal access token as its owner sees it: never the secret or its digest. */
export const apiTokenPublicSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().meta({ description: "The secret's first characters, to tell tokens apart." }),
  scopes: z.array(apiScopeSchema),
  organizationId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  lastUsedIp: z.string().nullable(),
});
export type ApiTokenPublic = z.infer<typeof apiTokenPublicSchema>;

/** The answer to creating a token: the only time the secret is shown. */
export const apiTokenCreatedSchema = apiTokenPublicSchema.extend({
  token: z.string().meta({ description: "The secret, shown once. Send it as `Authorization: Bearer <token>`." }),
});
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const apiTokenCreateSchema = z
  .strictObject({
    name: nameField,
    scopes: z
      .array(apiScopeSchema, { error: "Choose at least one scope." })
      .min(1, "Choose at least one scope.")
      .transform((scopes) => apiScopes.filter((scope) => scopes.includes(scope))),
    expiresAt: dateTimeField().optional(),
    expiresInDays: z.coerce
      .number({ error: "Give a whole number of days." })
      .int("Give a whole number of days.")
      .min(1, "At least 1 day.")
      .max(3650, "At most 3650 days.")
      .optional(),
    organizationId: idField.optional(),
    // Creating a credential is a sensitive action: a proof, unless the session confirmed one within STEP_UP_MINUTES.
    ...stepUpFields,
  })
  .refine((input) => !(input.expiresAt && input.expiresInDays), {
    message: "Give either expiresAt or expiresInDays, not both.",
    path: ["expiresInDays"],
  })
  .refine((input) => !input.expiresAt || new Date(input.expiresAt).getTime() > Date.now(), {
    message: "The expiry must be in the future.",
    path: ["expiresAt"],
  });
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;
