import { attributeItemRoutes, organizationScope } from "@/lib/http/attribute-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = attributeItemRoutes(organizationScope);

// GET /api/v1/organizations/:id/attributes/:key – one organization attribute definition (ETag)
export const GET = routes.GET;

// PATCH /api/v1/organizations/:id/attributes/:key – change it; stored values follow or the change is refused (If-Match honoured)
export const PATCH = routes.PATCH;

// DELETE /api/v1/organizations/:id/attributes/:key – remove it and every member's value; answers how many values went
export const DELETE = routes.DELETE;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, OPTIONS } = undeclaredMethods;
