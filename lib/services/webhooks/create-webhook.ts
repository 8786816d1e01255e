import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WebhookCreate, WebhookWithSecret } from "@/lib/schemas/webhook";
import { storeCredential } from "@/lib/services/store-credential";
import { toWebhookPublic } from "@/lib/services/webhooks/mappers";
import { authorizeWebhookScope, type WebhookScope } from "@/lib/services/webhooks/rules";
import { generateSigningSecret } from "@/lib/services/webhooks/signing-secrets";
import { assertAllowedWebhookUrl } from "@/lib/services/webhooks/webhook-target";

/**
 * Registers an endpoint, global or for one organization. The URL must lead to the
 * internet (checked again at every send); the signing secret is in the answer once and
 * stored encrypted, since signing needs it back.
 */
export async function createWebhook({
  actor,
  organizationId,
  data,
}: { actor: Actor; data: WebhookCreate } & WebhookScope): Promise<WebhookWithSecret> {
  await authorizeWebhookScope(undefined, actor, { organizationId });
  await assertAllowedWebhookUrl(data.url);
  const { secret, sealed } = generateSigningSecret();
  const endpoint = await storeCredential({
    create: (tx) =>
      tx.webhookEndpoint.create({
        data: {
          organizationId,
          url: data.url,
          description: data.description ?? "",
          eventTypes: data.eventTypes,
          enabled: data.enabled ?? true,
          secret: sealed,
          createdById: actor.userId,
        },
      }),
    toPublic: toWebhookPublic,
    action: "webhook.created",
    actor,
    target: "webhook",
    organizationId,
  });
  return { ...endpoint, secret };
}
