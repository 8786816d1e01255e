import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from "@/lib/generated/prisma/client";
import type { WebhookDeliveryPublic, WebhookPublic } from "@/lib/schemas/webhook";
import { webhookEventTypeNames, type WebhookEventType } from "@/lib/audit/webhook-event-types";

/** The only way an endpoint leaves the service layer: never with a secret. */
export function toWebhookPublic(endpoint: WebhookEndpoint): WebhookPublic {
  return {
    id: endpoint.id,
    organizationId: endpoint.organizationId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: webhookEventTypeNames.filter((type) => endpoint.eventTypes.includes(type)),
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString() ?? null,
    version: endpoint.version,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** A delivery with its attempts, oldest attempt first. */
export function toWebhookDeliveryPublic(delivery: WebhookDelivery & { attempts: WebhookAttempt[] }): WebhookDeliveryPublic {
  return {
    id: delivery.id,
    eventType: delivery.eventType as WebhookEventType,
    payload: delivery.payload,
    status: delivery.status,
    nextAttemptAt: delivery.status === "pending" ? delivery.nextAttemptAt.toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
    attempts: delivery.attempts.map((attempt) => ({
      attemptedAt: attempt.attemptedAt.toISOString(),
      statusCode: attempt.statusCode,
      durationMs: attempt.durationMs,
      responseExcerpt: attempt.responseExcerpt,
      succeeded: attempt.succeeded,
    })),
  };
}
