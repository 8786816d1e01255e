import type { AuditAction } from "@/lib/audit/audit-actions";
import type { WebhookEventType } from "@/lib/audit/webhook-event-types";

/**
 * Which webhook event an audit action is. Every change is audited in its own transaction,
 * so deriving events from audit actions puts each outbox row in the transaction of its
 * change without touching every service. A Map: an action such as `constructor` must not
 * find a built-in.
 */
const eventByAction = new Map<AuditAction, WebhookEventType>([
  ["user.created", "user.created"],
  ["user.imported", "user.created"],
  ["auth.sign_up", "user.created"],
  ["user.updated", "user.updated"],
  ["user.email_changed", "user.updated"],
  ["scim.user_updated", "user.updated"],
  ["user.disabled", "user.disabled"],
  ["user.enabled", "user.enabled"],
  ["user.deleted", "user.deleted"],
  ["user.restored", "user.restored"],
  ["member.added", "member.added"],
  ["member.removed", "member.removed"],
  ["member.updated", "member.role_changed"],
  ["group.created", "group.created"],
  ["group.updated", "group.updated"],
  ["group.deleted", "group.deleted"],
  ["group.member_added", "group.member_added"],
  ["group.member_removed", "group.member_removed"],
  ["invitation.created", "invitation.created"],
  ["invitation.accepted", "invitation.accepted"],
  ["organization.created", "organization.created"],
  ["organization.deleted", "organization.deleted"],
  ["attribute.deleted", "attribute.deleted"],
  ["attribute_values.updated", "user.updated"],
  ["auth.locked_out", "auth.locked_out"],
  ["domain.verified", "domain.verified"],
  ["domain.removed", "domain.removed"],
]);

/** The webhook event an audit action reports, or null when webhooks are not told about it. */
export function eventForAuditAction(action: AuditAction): WebhookEventType | null {
  return eventByAction.get(action) ?? null;
}
