import { globalScope, rotateApplicationSecretRoute } from "@/lib/http/application-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/applications/:applicationId/rotate-secret – a new client secret, shown once; the old one works for 24 hours
export const POST = rotateApplicationSecretRoute(globalScope);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
