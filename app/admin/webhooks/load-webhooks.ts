import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { shownOrNotFound } from "@/lib/session/require-session-actor";
import { findWebhookDeliveries } from "@/lib/services/webhooks/find-webhook-deliveries";
import { findWebhooks } from "@/lib/services/webhooks/find-webhooks";
import { getWebhook } from "@/lib/services/webhooks/get-webhook";

type Scope = { organizationId: string | null };

/** The endpoints of a scope, for the webhook list pages of /admin and of an organization. */
export function loadWebhooks(actor: Actor, scope: Scope) {
  return shownOrNotFound(findWebhooks({ actor, ...scope }));
}

/** One endpoint with its deliveries, for its page. */
export async function loadWebhook(actor: Actor, scope: Scope, webhookId: string) {
  const [webhook, deliveries] = await shownOrNotFound(
    Promise.all([getWebhook({ actor, ...scope, webhookId }), findWebhookDeliveries({ actor, ...scope, webhookId })]),
  );
  return { webhook, deliveries };
}
