import { z } from "zod";
import { nameField } from "@/lib/schemas/fields";
import { stepUpFields } from "@/lib/schemas/step-up";

/** A SCIM token as the organization's owners see it: never the secret or its digest. */
export const scimTokenPublicSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  prefix: z.string().meta({ description: "The secret's first characters, to tell tokens apart." }),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ScimTokenPublic = z.infer<typeof scimTokenPublicSchema>;

/** The answer to creating a SCIM token: the only time the secret is shown. */
export const scimTokenCreatedSchema = scimTokenPublicSchema.extend({
  token: z.string().meta({ description: "The secret, shown once. The identity provider sends it as `Authorization: Bearer <token>`." }),
});
export type ScimTokenCreated = z.infer<typeof scimTokenCreatedSchema>;

export const scimTokenCreateSchema = z.strictObject({
  name: nameField,
  // A SCIM token outlives the session that makes it: a proof, unless the session confirmed one within STEP_UP_MINUTES.
  ...stepUpFields,
});
export type ScimTokenCreate = z.infer<typeof scimTokenCreateSchema>;
