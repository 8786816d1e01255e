import { resendRoute, globalScope } from "@/lib/http/webhook-routes";

// POST /api/v1/webhooks/:webhookId/deliveries/:deliveryId/resend – queue a delivery again now
export const POST = resendRoute(globalScope);
