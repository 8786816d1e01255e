import { applicationCollectionRoutes, globalScope } from "@/lib/http/application-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = applicationCollectionRoutes(globalScope);

// GET /api/v1/applications – global applications (OAuth clients)
export const GET = routes.GET;

// POST /api/v1/applications – register an application; a confidential one's client secret is shown once
export const POST = routes.POST;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
