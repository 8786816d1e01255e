import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { WebhookPublic, WebhookUpdate } from "@/lib/schemas/webhook";
import { versionedUpdate } from "@/lib/services/versioned-update";
import { toWebhookPublic } from "@/lib/services/webhooks/mappers";
import { getAuthorizedEndpoint, type WebhookScope } from "@/lib/services/webhooks/rules";
import { assertAllowedWebhookUrl } from "@/lib/services/webhooks/webhook-target";

/**
 * Changes an endpoint's URL, events, description or whether it is enabled. Enabling it
 * again clears the reason failures gave for turning it off; a new URL is checked as at
 * registration.
 */
export async function updateWebhook({
  actor,
  organizationId,
  webhookId,
  data,
  expectedVersion,
}: { actor: Actor; webhookId: string; data: WebhookUpdate; expectedVersion?: number } & WebhookScope): Promise<WebhookPublic> {
  const before = await getAuthorizedEndpoint(undefined, actor, { organizationId }, webhookId);
  if (data.url !== undefined && data.url !== before.url) await assertAllowedWebhookUrl(data.url);
  return db().$transaction((tx) =>
    versionedUpdate(tx, {
      update: () =>
        tx.webhookEndpoint.updateMany({
          where: { id: before.id, version: expectedVersion ?? before.version },
          data: {
            url: data.url,
            eventTypes: data.eventTypes,
            description: data.description,
            enabled: data.enabled,
            disabledReason: data.enabled === true ? null : undefined,
            version: { increment: 1 },
          },
        }),
      reload: async () => toWebhookPublic(await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: before.id } })),
      event: {
        action: "webhook.updated",
        actor,
        target: { type: "webhook", id: before.id },
        before: toWebhookPublic(before),
        organizationId,
      },
    }),
  );
}
