import { deliveriesRoute, globalScope } from "@/lib/http/webhook-routes";

// GET /api/v1/webhooks/:webhookId/deliveries – recent deliveries with every attempt
export const GET = deliveriesRoute(globalScope);
