import { resendRoute, organizationScope } from "@/lib/http/webhook-routes";

// POST /api/v1/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId/resend – queue a delivery again now
export const POST = resendRoute(organizationScope);
