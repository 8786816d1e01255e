import { organizationScope, rotateSecretRoute } from "@/lib/http/webhook-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/organizations/:id/webhooks/:webhookId/rotate-secret – a new signing secret, shown once; the old one signs for 24 more hours
export const POST = rotateSecretRoute(organizationScope);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
