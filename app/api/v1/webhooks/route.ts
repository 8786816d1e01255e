import { globalScope, webhookCollectionRoutes } from "@/lib/http/webhook-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = webhookCollectionRoutes(globalScope);

// GET /api/v1/webhooks – the global webhook endpoints
export const GET = routes.GET;

// POST /api/v1/webhooks – register a global webhook endpoint; the signing secret is shown once
export const POST = routes.POST;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
