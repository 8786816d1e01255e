import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import type { WebhookDeliveryPublic } from "@/lib/schemas/webhook";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toWebhookDeliveryPublic } from "@/lib/services/webhooks/mappers";
import { getAuthorizedEndpoint, type WebhookScope } from "@/lib/services/webhooks/rules";

/**
 * Queues a delivery again, now, with a fresh round of retries. It keeps its id, so the
 * `webhook-id` header lets a receiver that did get it the first time skip the repeat.
 */
export async function resendWebhookDelivery({
  actor,
  organizationId,
  webhookId,
  deliveryId,
}: { actor: Actor; webhookId: string; deliveryId: string } & WebhookScope): Promise<WebhookDeliveryPublic> {
  const endpoint = await getAuthorizedEndpoint(undefined, actor, { organizationId }, webhookId);
  if (!endpoint.enabled) throw new AppError("conflict", "The endpoint is disabled; enable it before resending.");
  if (!idField.safeParse(deliveryId).success) throw notFound("Delivery");
  return db().$transaction(async (tx) => {
    const existing = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: endpoint.id } });
    if (!existing) throw notFound("Delivery");
    // A pending delivery may be on its way right now; queueing it again could send it twice at once.
    const queued = await tx.webhookDelivery.updateManyAndReturn({
      where: { id: deliveryId, status: { not: "pending" } },
      data: { status: "pending", attemptCount: 0, nextAttemptAt: new Date(), completedAt: null },
    });
    if (!queued[0]) throw new AppError("conflict", "The delivery is still queued; it is sent again at its next attempt.");
    await recordAuditEvent(tx, {
      action: "webhook.delivery_resent",
      actor,
      target: { type: "webhook", id: endpoint.id },
      after: { deliveryId, eventType: queued[0].eventType },
      organizationId,
    });
    const delivery = await tx.webhookDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      include: { attempts: { orderBy: { attemptedAt: "asc" } } },
    });
    return toWebhookDeliveryPublic(delivery);
  });
}
