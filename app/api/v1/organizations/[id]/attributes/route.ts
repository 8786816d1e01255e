import { attributeCollectionRoutes, organizationScope } from "@/lib/http/attribute-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = attributeCollectionRoutes(organizationScope);

// GET /api/v1/organizations/:id/attributes – the organization's custom attribute definitions
export const GET = routes.GET;

// POST /api/v1/organizations/:id/attributes – define an attribute the organization keeps about its members (owners)
export const POST = routes.POST;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
