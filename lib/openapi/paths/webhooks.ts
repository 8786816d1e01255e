import { z } from "zod";
import { ifMatchHeader, jsonAnswer, jsonBody, readingProblems, scopedPaths, writingProblems } from "@/lib/openapi/path-helpers";
import { registry } from "@/lib/openapi/registry";
import {
  webhookCreateSchema,
  webhookDeliveryPublicSchema,
  webhookPublicSchema,
  webhookUpdateSchema,
  webhookWithSecretSchema,
} from "@/lib/schemas/webhook";
import { webhookEventTypes, type WebhookEventType } from "@/lib/audit/webhook-event-types";

const webhook = registry.register("Webhook", webhookPublicSchema);
const webhookWithSecret = registry.register("WebhookWithSecret", webhookWithSecretSchema);
const delivery = registry.register("WebhookDelivery", webhookDeliveryPublicSchema);

const scopes = [
  {
    prefix: "/api/v1/webhooks",
    params: [] as string[],
    who: "Needs `global-webhooks:manage` (global administrators). A global endpoint receives every event.",
  },
  {
    prefix: "/api/v1/organizations/{id}/webhooks",
    params: ["id"],
    who: "Needs `webhooks:manage` in the organization (owners and admins); 404 for an organization the caller cannot see. The endpoint receives only this organization's events.",
  },
];

const retryPolicy =
  "Deliveries are sent after the change commits, signed per Standard Webhooks, and retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h; when all fail, the endpoint is disabled and its owners are emailed.";

for (const { prefix, params, who } of scopes) {
  const { ids, register } = scopedPaths({ prefix, params, who: who, tag: "Webhooks" });
  register({
    method: "get",
    path: "",
    summary: "Webhook endpoints",
    request: { params: ids() },
    responses: { 200: jsonAnswer(z.object({ data: z.array(webhook) }), "Oldest first."), ...readingProblems },
  });
  register({
    method: "post",
    path: "",
    summary: "Register an endpoint; the answer's `secret` is shown once",
    request: { params: ids(), ...jsonBody(webhookCreateSchema) },
    responses: {
      201: jsonAnswer(
        webhookWithSecret,
        `Registered. The URL must be https and resolve to public addresses only (checked again at every send). ${retryPolicy}`,
      ),
      ...writingProblems,
    },
  });
  register({
    method: "get",
    path: "/{webhookId}",
    summary: "One endpoint (ETag)",
    request: { params: ids("webhookId") },
    responses: { 200: jsonAnswer(webhook, "The endpoint."), ...readingProblems },
  });
  register({
    method: "patch",
    path: "/{webhookId}",
    summary: "Change URL, events, description or enabled",
    request: { params: ids("webhookId"), headers: ifMatchHeader, ...jsonBody(webhookUpdateSchema) },
    responses: { 200: jsonAnswer(webhook, "Updated."), ...writingProblems },
  });
  register({
    method: "delete",
    path: "/{webhookId}",
    summary: "Remove an endpoint and its deliveries",
    request: { params: ids("webhookId") },
    responses: { 204: { description: "Removed." }, ...readingProblems },
  });
  register({
    method: "post",
    path: "/{webhookId}/rotate-secret",
    summary: "A new signing secret, shown once",
    request: { params: ids("webhookId") },
    responses: {
      200: jsonAnswer(webhookWithSecret, "Rotated. For 24 hours deliveries carry a signature with the old and the new secret."),
      ...readingProblems,
    },
  });
  register({
    method: "get",
    path: "/{webhookId}/deliveries",
    summary: "Recent deliveries with every attempt",
    request: { params: ids("webhookId") },
    responses: { 200: jsonAnswer(z.object({ data: z.array(delivery) }), "The 100 newest deliveries, newest first."), ...readingProblems },
  });
  register({
    method: "post",
    path: "/{webhookId}/deliveries/{deliveryId}/resend",
    summary: "Queue a delivery again now",
    request: { params: ids("webhookId", "deliveryId") },
    responses: { 202: jsonAnswer(delivery, "Queued, with a fresh round of retries and the same `webhook-id`."), ...writingProblems },
  });
}

const signatureHeaders = z.object({
  "webhook-id": z.string().meta({ description: "`msg_<delivery id>`; the same on every retry and resend, so receivers can skip repeats." }),
  "webhook-timestamp": z.string().meta({ description: "Seconds since the Unix epoch when this attempt was signed." }),
  "webhook-signature": z.string().meta({
    description: "`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, space-separated when a rotation's overlap adds a second secret.",
  }),
});

const payloadData = z.object({
  subject: z
    .object({ type: z.string().nullable(), id: z.string().nullable() })
    .meta({ description: "What changed: a user, membership, invitation, organization…" }),
  organizationId: z.uuid().nullable(),
  actorId: z.uuid().nullable().meta({ description: "Who made the change; null for the system." }),
  current: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: "The subject after the change, as the audit log keeps it; never secrets." }),
  previous: z.record(z.string(), z.unknown()).nullable().meta({ description: "The subject before the change, where there was one." }),
});

for (const [type, description] of Object.entries(webhookEventTypes) as Array<[WebhookEventType, string]>) {
  registry.registerWebhook({
    method: "post",
    path: type,
    tags: ["Webhooks"],
    summary: description,
    description: `Sent to endpoints subscribed to \`${type}\`. ${retryPolicy} Answer 2xx within 10 seconds; redirects are not followed.`,
    request: {
      headers: signatureHeaders,
      body: {
        content: {
          "application/json": { schema: z.object({ type: z.literal(type), timestamp: z.iso.datetime(), data: payloadData }) },
        },
      },
    },
    responses: { 200: { description: "Received; any 2xx counts." } },
  });
}
