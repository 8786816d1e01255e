import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toWebhookPublic } from "@/lib/services/webhooks/mappers";
import { getAuthorizedEndpoint, type WebhookScope } from "@/lib/services/webhooks/rules";

/** Removes an endpoint with its deliveries and their attempts; pending deliveries are never sent. */
export async function deleteWebhook({
  actor,
  organizationId,
  webhookId,
}: { actor: Actor; webhookId: string } & WebhookScope): Promise<void> {
  const endpoint = await getAuthorizedEndpoint(undefined, actor, { organizationId }, webhookId);
  await db().$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAuditEvent(tx, {
      action: "webhook.deleted",
      actor,
      target: { type: "webhook", id: endpoint.id },
      before: toWebhookPublic(endpoint),
      organizationId,
    });
  });
}
