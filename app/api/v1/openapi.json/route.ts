import { withApi } from "@/lib/http/with-api";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/v1/openapi.json – this API's OpenAPI 3.1 document
export const GET = withApi(async () => Response.json(openApiDocument()), { action: "api.document" });
