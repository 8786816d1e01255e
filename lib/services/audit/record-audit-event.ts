import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { currentRequestContext } from "@/lib/request-context";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { redactSecrets } from "@/lib/services/audit/redact";
import { snapshotString } from "@/lib/services/audit/snapshot-field";
import { queueWebhookDeliveries } from "@/lib/services/webhooks/queue-webhook-deliveries";

export type AuditEventInput = {
  action: AuditAction;
  /**
   * Who acted: the caller (an `Actor`), a user by id and email, or (type "scim_token") a
   * SCIM token by id and name, the name standing where a user's email would, so the
   * explorer reads it as is.
   */
  actor?: Actor | AuditActor | null;
  target?: { type: string; id: string | null };
  before?: unknown;
  after?: unknown;
  /** The organization the event belongs to; by default the target organization, or the one a snapshot names. */
  organizationId?: string | null;
  /** Who was viewing as the actor; by default the one the request context names. */
  impersonator?: { id: string; email: string };
};

export type AuditActor = { id: string | null; email: string | null; type?: "scim_token" | "application" };

/**
 * The caller as the log names it: by its user, whatever credential it came with, or a
 * machine application acting as itself by its id and name.
 */
const auditActorOf = (actor: Actor | AuditActor): AuditActor => {
  if (!("userId" in actor)) return actor;
  if (actor.application?.acting === "itself") return { id: actor.application.id, email: actor.application.name, type: "application" };
  return { id: actor.userId, email: actor.email };
};

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (redactSecrets(value) as Prisma.InputJsonValue);
}

/**
 * The organization whose audit log shows the event. Organization, member, role,
 * invitation and token services all either target the organization or name it in their
 * snapshot, so they need not say it twice.
 */
function organizationOf(event: AuditEventInput): string | null {
  if (event.organizationId !== undefined) return event.organizationId;
  if (event.target?.type === "organization") return event.target.id;
  return snapshotString(event.after, "organizationId") ?? snapshotString(event.before, "organizationId");
}

/**
 * Records what happened, by whom, from where. It takes the transaction of the change
 * it describes, so an event exists exactly when its change was committed; the webhook
 * deliveries the event causes are queued in the same transaction.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  const context = currentRequestContext();
  const before = asJson(event.before);
  const after = asJson(event.after);
  const organizationId = organizationOf(event);
  const actor = event.actor ? auditActorOf(event.actor) : null;
  await tx.auditEvent.create({
    data: {
      action: event.action,
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      actorType: actor?.type ?? null,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      ip: context?.ip ?? null,
      userAgent: context?.userAgent?.slice(0, 512) ?? null,
      requestId: context?.requestId ?? null,
      before,
      after,
      organizationId,
      impersonatorId: (event.impersonator ?? context?.impersonator)?.id ?? null,
      impersonatorEmail: (event.impersonator ?? context?.impersonator)?.email ?? null,
    },
  });
  await queueWebhookDeliveries(tx, {
    action: event.action,
    actorId: actor?.id ?? null,
    target: event.target ?? null,
    organizationId,
    before,
    after,
  });
}
