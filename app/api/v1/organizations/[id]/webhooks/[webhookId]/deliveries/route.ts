import { deliveriesRoute, organizationScope } from "@/lib/http/webhook-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/webhooks/:webhookId/deliveries – recent deliveries with every attempt
export const GET = deliveriesRoute(organizationScope);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
