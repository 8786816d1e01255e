import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { WebhookPublic } from "@/lib/schemas/webhook";
import { toWebhookPublic } from "@/lib/services/webhooks/mappers";
import { authorizeWebhookScope, type WebhookScope } from "@/lib/services/webhooks/rules";

/** The endpoints of one scope (global, or one organization), oldest first; a handful per scope, so no paging. */
export async function findWebhooks({ actor, organizationId }: { actor: Actor } & WebhookScope): Promise<WebhookPublic[]> {
  await authorizeWebhookScope(undefined, actor, { organizationId });
  const endpoints = await db().webhookEndpoint.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
  return endpoints.map(toWebhookPublic);
}
