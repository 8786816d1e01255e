import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WebhookPublic } from "@/lib/schemas/webhook";
import { toWebhookPublic } from "@/lib/services/webhooks/mappers";
import { getAuthorizedEndpoint, type WebhookScope } from "@/lib/services/webhooks/rules";

/** One endpoint of the scope; another scope's endpoint is not found. */
export async function getWebhook({
  actor,
  organizationId,
  webhookId,
}: { actor: Actor; webhookId: string } & WebhookScope): Promise<WebhookPublic> {
  return toWebhookPublic(await getAuthorizedEndpoint(undefined, actor, { organizationId }, webhookId));
}
