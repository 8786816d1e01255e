import { z } from "zod";
import { lineField, multilineField } from "@/lib/schemas/fields";
import { webhookEventTypeNames } from "@/lib/audit/webhook-event-types";

export const webhookEventTypeSchema = z.enum(webhookEventTypeNames, { error: `Choose from: ${webhookEventTypeNames.join(", ")}.` });

const urlField = lineField({ error: "Enter the endpoint's URL." })
  .min(1, "Enter the endpoint's URL.")
  .max(2000, "A URL has at most 2000 characters.")
  .pipe(z.url({ protocol: /^https?$/, error: "Enter an absolute https:// URL." }));

const eventTypesField = z
  .array(webhookEventTypeSchema, { error: "Choose at least one event." })
  .min(1, "Choose at least one event.")
  .transform((types) => webhookEventTypeNames.filter((type) => types.includes(type)));

const descriptionField = multilineField().max(500, "A description has at most 500 characters.");

export const webhookCreateSchema = z.strictObject({
  url: urlField,
  eventTypes: eventTypesField,
  description: descriptionField.optional(),
  enabled: z.boolean({ error: "Give true or false." }).optional(),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z.strictObject({
  url: urlField.optional(),
  eventTypes: eventTypesField.optional(),
  description: descriptionField.optional(),
  enabled: z.boolean({ error: "Give true or false." }).optional(),
});
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

/** An endpoint as its managers see it: never the secret. */
export const webhookPublicSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid().nullable().meta({ description: "Null for a global endpoint, which receives every event." }),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().meta({ description: "Why delivery failures turned the endpoint off, until it is enabled again." }),
  previousSecretExpiresAt: z.iso.datetime().nullable().meta({ description: "Until when the secret before the last rotation still signs." }),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookPublic = z.infer<typeof webhookPublicSchema>;

/** The answer to creating an endpoint or rotating its secret: the only time the secret is shown. */
export const webhookWithSecretSchema = webhookPublicSchema.extend({
  secret: z
    .string()
    .meta({ description: "The signing secret (`whsec_…`), shown once. Verify signatures with a Standard Webhooks library." }),
});
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookAttemptPublicSchema = z.object({
  attemptedAt: z.iso.datetime(),
  statusCode: z.number().int().nullable().meta({ description: "Null when no answer came: refused address, timeout, connection error." }),
  durationMs: z.number().int(),
  responseExcerpt: z.string().meta({ description: "The first kilobyte of the answer, or what went wrong." }),
  succeeded: z.boolean(),
});

export const webhookDeliveryPublicSchema = z.object({
  id: z.uuid().meta({ description: "Also the `webhook-id` header, as `msg_<id>`." }),
  eventType: webhookEventTypeSchema,
  payload: z.string().meta({ description: "The exact body sent." }),
  status: z.enum(["pending", "succeeded", "failed"]),
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  attempts: z.array(webhookAttemptPublicSchema),
});
export type WebhookDeliveryPublic = z.infer<typeof webhookDeliveryPublicSchema>;
