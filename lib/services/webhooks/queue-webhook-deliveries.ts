import "server-only";
import type { Tx } from "@/lib/db";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { eventForAuditAction } from "@/lib/services/webhooks/event-for-audit-action";

/** What queueing needs to know of an audit event; its snapshots are already redacted. */
export type WebhookSource = {
  action: AuditAction;
  actorId: string | null;
  target: { type: string; id: string | null } | null;
  organizationId: string | null;
  before: unknown;
  after: unknown;
};

/**
 * The Standard Webhooks body: `type`, `timestamp` and `data`. `data` names the subject and
 * carries its audit snapshots, which never hold secrets or password digests
 * (redactSecrets). The OpenAPI document describes it (lib/openapi/paths/webhooks.ts).
 */
function payloadOf(type: string, source: WebhookSource, at: Date): string {
  return JSON.stringify({
    type,
    timestamp: at.toISOString(),
    data: {
      subject: { type: source.target?.type ?? null, id: source.target?.id ?? null },
      organizationId: source.organizationId,
      actorId: source.actorId,
      current: source.after ?? null,
      previous: source.before ?? null,
    },
  });
}

/**
 * Writes one outbox row per enabled endpoint that subscribed to the event and may see it:
 * global endpoints see every event, an organization's only that organization's. It runs
 * in the transaction of the change (through recordAuditEvent), so a change that rolls
 * back leaves no delivery behind, and a committed one always has its deliveries.
 */
export async function queueWebhookDeliveries(tx: Tx, source: WebhookSource): Promise<void> {
  const type = eventForAuditAction(source.action);
  if (!type) return;
  const scopes = source.organizationId ? [{ organizationId: null }, { organizationId: source.organizationId }] : [{ organizationId: null }];
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, eventTypes: { has: type }, OR: scopes },
    select: { id: true },
  });
  if (endpoints.length === 0) return;
  const payload = payloadOf(type, source, new Date());
  await tx.webhookDelivery.createMany({ data: endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventType: type, payload })) });
}
