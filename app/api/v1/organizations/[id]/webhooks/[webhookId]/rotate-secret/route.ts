import { organizationScope, rotateSecretRoute } from "@/lib/http/webhook-routes";

// POST /api/v1/organizations/:id/webhooks/:webhookId/rotate-secret – a new signing secret, shown once; the old one signs for 24 more hours
export const POST = rotateSecretRoute(organizationScope);
