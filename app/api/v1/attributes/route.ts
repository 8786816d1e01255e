import { attributeCollectionRoutes, installationScope } from "@/lib/http/attribute-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = attributeCollectionRoutes(installationScope);

// GET /api/v1/attributes – the installation's custom attribute definitions
export const GET = routes.GET;

// POST /api/v1/attributes – define an attribute every user may carry
export const POST = routes.POST;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
