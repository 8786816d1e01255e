import { attributeItemRoutes, installationScope } from "@/lib/http/attribute-routes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const routes = attributeItemRoutes(installationScope);

// GET /api/v1/attributes/:key – one installation attribute definition (ETag)
export const GET = routes.GET;

// PATCH /api/v1/attributes/:key – change it; stored values follow or the change is refused (If-Match honoured)
export const PATCH = routes.PATCH;

// DELETE /api/v1/attributes/:key – remove it and every user's value; answers how many values went
export const DELETE = routes.DELETE;

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, OPTIONS } = undeclaredMethods;
