import { deliveriesRoute, organizationScope } from "@/lib/http/webhook-routes";

// GET /api/v1/organizations/:id/webhooks/:webhookId/deliveries – recent deliveries with every attempt
export const GET = deliveriesRoute(organizationScope);
