import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { findWebhookDeliveries } from "@/lib/services/webhooks/find-webhook-deliveries";
import { findWebhooks } from "@/lib/services/webhooks/find-webhooks";
import { getWebhook } from "@/lib/services/webhooks/get-webhook";

type Scope = { organizationId: string | null };

/** Pages answer 404 for what the caller may not manage, so they do not even reveal that it exists. */
function hidden(error: unknown): never {
  if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
  throw error;
}

/** The endpoints of a scope, for the webhook list pages of /admin and of an organization. */
export function loadWebhooks(actor: Actor, scope: Scope) {
  return findWebhooks({ actor, ...scope }).catch(hidden);
}

/** One endpoint with its deliveries, for its page. */
export async function loadWebhook(actor: Actor, scope: Scope, webhookId: string) {
  const [webhook, deliveries] = await Promise.all([
    getWebhook({ actor, ...scope, webhookId }),
    findWebhookDeliveries({ actor, ...scope, webhookId }),
  ]).catch(hidden);
  return { webhook, deliveries };
}
