import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-param";
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
type ScopeOf = (params: Params) => { organizationId: string | null };

export const globalScope: ScopeOf = () => ({ organizationId: null });
export const organizationScope: ScopeOf = (params) => ({ organizationId: routeParam(params, "id") });

const noStore = { "cache-control": "no-store" };

/** GET (list) and POST (register; the secret is shown once) on the collection. */
export const webhookCollectionRoutes = (scopeOf: ScopeOf) => ({
  GET: withApi(async ({ actor, params }) => Response.json({ data: await findWebhooks({ actor, ...scopeOf(params) }) })),
  POST: withApi(
    async ({ actor, params, body }) =>
      Response.json(await createWebhook({ actor, ...scopeOf(params), data: body }), { status: 201, headers: noStore }),
    { body: webhookCreateSchema },
  ),
});

/** GET, PATCH (If-Match honoured) and DELETE on one endpoint. */
export const webhookItemRoutes = (scopeOf: ScopeOf) => ({
  GET: withApi(async ({ actor, params }) => {
    const webhook = await getWebhook({ actor, ...scopeOf(params), webhookId: routeParam(params, "webhookId") });
    return Response.json(webhook, { headers: { etag: etagOf(webhook.version) } });
  }),
  PATCH: withApi(
    async ({ actor, params, body, request }) => {
      const webhook = await updateWebhook({
        actor,
        ...scopeOf(params),
        webhookId: routeParam(params, "webhookId"),
        data: body,
        expectedVersion: versionFromIfMatch(request),
      });
      return Response.json(webhook, { headers: { etag: etagOf(webhook.version) } });
    },
    { body: webhookUpdateSchema },
  ),
  DELETE: withApi(async ({ actor, params }) => {
    await deleteWebhook({ actor, ...scopeOf(params), webhookId: routeParam(params, "webhookId") });
    return new Response(null, { status: 204 });
  }),
});

/** POST: a new signing secret, shown once; the old one keeps signing for 24 hours. */
export const rotateSecretRoute = (scopeOf: ScopeOf) =>
  withApi(async ({ actor, params }) =>
    Response.json(await rotateWebhookSecret({ actor, ...scopeOf(params), webhookId: routeParam(params, "webhookId") }), {
      headers: noStore,
    }),
  );

/** GET: the endpoint's recent deliveries with their attempts. */
export const deliveriesRoute = (scopeOf: ScopeOf) =>
  withApi(async ({ actor, params }) =>
    Response.json({ data: await findWebhookDeliveries({ actor, ...scopeOf(params), webhookId: routeParam(params, "webhookId") }) }),
  );

/** POST: queue a delivery again now. */
export const resendRoute = (scopeOf: ScopeOf) =>
  withApi(async ({ actor, params }) =>
    Response.json(
      await resendWebhookDelivery({
        actor,
        ...scopeOf(params),
        webhookId: routeParam(params, "webhookId"),
        deliveryId: routeParam(params, "deliveryId"),
      }),
      { status: 202 },
    ),
  );
