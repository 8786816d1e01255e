import { withApi } from "@/lib/http/with-api";

// GET /api/v1/health – liveness: the process is up and serving
export const GET = withApi(async () => Response.json({ status: "ok" }), { action: "health.live" });
