import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { idField } from "@/lib/schemas/fields";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Where an endpoint belongs: the whole installation (null) or one organization. */
export type WebhookScope = { organizationId: string | null };

/**
 * Whether the caller may manage the webhooks of this scope. Global endpoints receive every
 * event, so they need `global-webhooks:manage`; an organization's need `webhooks:manage`
 * there, and an organization the caller cannot see is not found.
 */
export async function authorizeWebhookScope(client: Tx | undefined, actor: Actor, { organizationId }: WebhookScope): Promise<void> {
  if (organizationId !== null) {
    await authorizeOrganization(client, { actor, permission: "webhooks:manage", organizationId });
    return;
  }
  if (!can(actor, "global-webhooks:manage")) throw new AppError("forbidden", "Managing global webhooks needs global-webhooks:manage.");
}

/** Loads an endpoint of the scope after authorizing the caller; another scope's endpoint is not found. */
export async function getAuthorizedEndpoint(
  client: Tx | undefined,
  actor: Actor,
  scope: WebhookScope,
  webhookId: string,
): Promise<WebhookEndpoint> {
  await authorizeWebhookScope(client, actor, scope);
  if (!idField.safeParse(webhookId).success) throw notFound("Webhook");
  const endpoint = await (client ?? db()).webhookEndpoint.findFirst({ where: { id: webhookId, organizationId: scope.organizationId } });
  if (!endpoint) throw notFound("Webhook");
  return endpoint;
}
