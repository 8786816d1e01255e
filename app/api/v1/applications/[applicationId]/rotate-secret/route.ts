import { globalScope, rotateApplicationSecretRoute } from "@/lib/http/application-routes";

// POST /api/v1/applications/:applicationId/rotate-secret – a new client secret, shown once; the old one works for 24 hours
export const POST = rotateApplicationSecretRoute(globalScope);
