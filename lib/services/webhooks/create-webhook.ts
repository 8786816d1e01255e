import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { WebhookCreate, WebhookWithSecret } from "@/lib/schemas/webhook";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
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
  const endpoint = await db().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: {
        organizationId,
        url: data.url,
        description: data.description ?? "",
        eventTypes: data.eventTypes,
        enabled: data.enabled ?? true,
        secret: sealed,
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, {
      action: "webhook.created",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "webhook", id: row.id },
      after: toWebhookPublic(row),
      organizationId,
    });
    return row;
  });
  return { ...toWebhookPublic(endpoint), secret };
}
