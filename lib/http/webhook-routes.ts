import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { webhookCreateSchema, webhookUpdateSchema } from "@/lib/schemas/webhook";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { findWebhookDeliveries } from "@/lib/services/webhooks/find-webhook-deliveries";
import { findWebhooks } from "@/lib/services/webhooks/find-webhooks";
import { getWebhook } from "@/lib/services/webhooks/get-webhook";
import { resendWebhookDelivery } from "@/lib/services/webhooks/resend-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";

/**
 * Global webhooks (`/api/v1/webhooks/…`) and an organization's
 * (`/api/v1/organizations/:id/webhooks/…`) are the same resource in two scopes, so their
 * route files share these handlers and differ only in where the scope comes from.
 */
type Params = Record<string, string | string[] | undefined>;
/** Where a scope comes from, and the family of catalogue actions its routes perform. */
type WebhookScope = { of: (params: Params) => { organizationId: string | null }; actions: "global-webhooks" | "webhooks" };
type Verb = "read" | "create" | "update" | "delete" | "rotate-secret" | "resend";
const action = (scope: WebhookScope, verb: Verb) => `${scope.actions}.${verb}` as const;

export const globalScope: WebhookScope = { of: () => ({ organizationId: null }), actions: "global-webhooks" };
export const organizationScope: WebhookScope = { of: (params) => ({ organizationId: routeParam(params, "id") }), actions: "webhooks" };

const noStore = { "cache-control": "no-store" };

/** GET (list) and POST (register; the secret is shown once) on the collection. */
export const webhookCollectionRoutes = (scope: WebhookScope) => ({
  GET: withApi(async ({ actor, params }) => Response.json({ data: await findWebhooks({ actor, ...scope.of(params) }) }), {
    action: action(scope, "read"),
  }),
  POST: withApi(
    async ({ actor, params, body }) =>
      Response.json(await createWebhook({ actor, ...scope.of(params), data: body }), { status: 201, headers: noStore }),
    { action: action(scope, "create"), body: webhookCreateSchema },
  ),
});

/** GET, PATCH (If-Match honoured) and DELETE on one endpoint. */
export const webhookItemRoutes = (scope: WebhookScope) => ({
  GET: withApi(
    async ({ actor, params }) => {
      const webhook = await getWebhook({ actor, ...scope.of(params), webhookId: routeParam(params, "webhookId") });
      return Response.json(webhook, { headers: { etag: etagOf(webhook.version) } });
    },
    { action: action(scope, "read") },
  ),
  PATCH: withApi(
    async ({ actor, params, body, request }) => {
      const webhook = await updateWebhook({
        actor,
        ...scope.of(params),
        webhookId: routeParam(params, "webhookId"),
        data: body,
        expectedVersion: versionFromIfMatch(request),
      });
      return Response.json(webhook, { headers: { etag: etagOf(webhook.version) } });
    },
    { action: action(scope, "update"), body: webhookUpdateSchema },
  ),
  DELETE: withApi(
    async ({ actor, params }) => {
      await deleteWebhook({ actor, ...scope.of(params), webhookId: routeParam(params, "webhookId") });
      return new Response(null, { status: 204 });
    },
    { action: action(scope, "delete") },
  ),
});

/** POST: a new signing secret, shown once; the old one keeps signing for 24 hours. */
export const rotateSecretRoute = (scope: WebhookScope) =>
  withApi(
    async ({ actor, params }) =>
      Response.json(await rotateWebhookSecret({ actor, ...scope.of(params), webhookId: routeParam(params, "webhookId") }), {
        headers: noStore,
      }),
    { action: action(scope, "rotate-secret") },
  );

/** GET: the endpoint's recent deliveries with their attempts. */
export const deliveriesRoute = (scope: WebhookScope) =>
  withApi(
    async ({ actor, params }) =>
      Response.json({ data: await findWebhookDeliveries({ actor, ...scope.of(params), webhookId: routeParam(params, "webhookId") }) }),
    { action: action(scope, "read") },
  );

/** POST: queue a delivery again now. */
export const resendRoute = (scope: WebhookScope) =>
  withApi(
    async ({ actor, params }) =>
      Response.json(
        await resendWebhookDelivery({
          actor,
          ...scope.of(params),
          webhookId: routeParam(params, "webhookId"),
          deliveryId: routeParam(params, "deliveryId"),
        }),
        { status: 202 },
      ),
    { action: action(scope, "resend") },
  );
