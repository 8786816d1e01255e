import { resendRoute, globalScope } from "@/lib/http/webhook-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/webhooks/:webhookId/deliveries/:deliveryId/resend – queue a delivery again now
export const POST = resendRoute(globalScope);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
