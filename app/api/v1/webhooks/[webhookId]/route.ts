import { globalScope, webhookItemRoutes } from "@/lib/http/webhook-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = webhookItemRoutes(globalScope);

// GET /api/v1/webhooks/:webhookId – one of the global webhook endpoints
export const GET = routes.GET;

// PATCH /api/v1/webhooks/:webhookId – change URL, events, description or enabled (If-Match honoured)
export const PATCH = routes.PATCH;

// DELETE /api/v1/webhooks/:webhookId – remove the endpoint and its deliveries
export const DELETE = routes.DELETE;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, OPTIONS } = undeclaredMethods;
