import { applicationItemRoutes, globalScope } from "@/lib/http/application-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = applicationItemRoutes(globalScope);

// GET /api/v1/applications/:applicationId – one application
export const GET = routes.GET;

// PATCH /api/v1/applications/:applicationId – change it (If-Match honoured); enabled=false stops its tokens at once
export const PATCH = routes.PATCH;

// DELETE /api/v1/applications/:applicationId – remove it; its tokens stop working
export const DELETE = routes.DELETE;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, OPTIONS } = undeclaredMethods;
