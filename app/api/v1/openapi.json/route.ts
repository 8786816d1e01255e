import { withApi } from "@/lib/http/with-api";
import { openApiDocument } from "@/lib/openapi/document";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/openapi.json – this API's OpenAPI 3.1 document
export const GET = withApi(async () => Response.json(openApiDocument()), { action: "api.document" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
