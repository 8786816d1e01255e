import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { WebhookWithSecret } from "@/lib/schemas/webhook";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toWebhookPublic } from "@/lib/services/webhooks/mappers";
import { getAuthorizedEndpoint, type WebhookScope } from "@/lib/services/webhooks/rules";
import { generateSigningSecret, rotationOverlapMs } from "@/lib/services/webhooks/signing-secrets";

/**
 * Gives an endpoint a new signing secret, shown once. For the next 24 hours deliveries
 * carry a signature with each secret, so the receiver can switch when it likes; a second
 * rotation within that window drops the oldest secret.
 */
export async function rotateWebhookSecret({
  actor,
  organizationId,
  webhookId,
}: { actor: Actor; webhookId: string } & WebhookScope): Promise<WebhookWithSecret> {
  const endpoint = await getAuthorizedEndpoint(undefined, actor, { organizationId }, webhookId);
  const { secret, sealed } = generateSigningSecret();
  const rotated = await db().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secret: sealed,
        previousSecret: endpoint.secret,
        previousSecretExpiresAt: new Date(Date.now() + rotationOverlapMs),
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, {
      action: "webhook.secret_rotated",
      actor,
      target: { type: "webhook", id: row.id },
      after: toWebhookPublic(row),
      organizationId,
    });
    return row;
  });
  return { ...toWebhookPublic(rotated), secret };
}
