import { organizationScope, webhookCollectionRoutes } from "@/lib/http/webhook-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = webhookCollectionRoutes(organizationScope);

// GET /api/v1/organizations/:id/webhooks – the organization's webhook endpoints
export const GET = routes.GET;

// POST /api/v1/organizations/:id/webhooks – register a webhook endpoint for the organization; the signing secret is shown once
export const POST = routes.POST;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
