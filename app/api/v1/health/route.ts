import { withApi } from "@/lib/http/with-api";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/health – liveness: the process is up and serving
export const GET = withApi(async () => Response.json({ status: "ok" }), { action: "health.live" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
