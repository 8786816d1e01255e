import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { WebhookDeliveryPublic } from "@/lib/schemas/webhook";
import { toWebhookDeliveryPublic } from "@/lib/services/webhooks/mappers";
import { getAuthorizedEndpoint, type WebhookScope } from "@/lib/services/webhooks/rules";

/** How many recent deliveries the delivery page shows; older ones are history nobody resends. */
const recentDeliveries = 100;

/** An endpoint's most recent deliveries, newest first, each with its attempts. */
export async function findWebhookDeliveries({
  actor,
  organizationId,
  webhookId,
}: { actor: Actor; webhookId: string } & WebhookScope): Promise<WebhookDeliveryPublic[]> {
  const endpoint = await getAuthorizedEndpoint(undefined, actor, { organizationId }, webhookId);
  const deliveries = await db().webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    include: { attempts: { orderBy: { attemptedAt: "asc" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: recentDeliveries,
  });
  return deliveries.map(toWebhookDeliveryPublic);
}
