import { globalScope, webhookCollectionRoutes } from "@/lib/http/webhook-routes";

const routes = webhookCollectionRoutes(globalScope);

// GET /api/v1/webhooks – the global webhook endpoints
export const GET = routes.GET;

// POST /api/v1/webhooks – register a global webhook endpoint; the signing secret is shown once
export const POST = routes.POST;
