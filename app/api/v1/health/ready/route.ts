import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http/with-api";
import { isDatabaseReachable } from "@/lib/services/health/check-database";

// GET /api/v1/health/ready – readiness: the database answers
export const GET = withApi(
  async () => {
    if (!(await isDatabaseReachable())) throw new AppError("unavailable", "The database is not reachable.");
    return Response.json({ status: "ready", checks: { database: "ok" } });
  },
  { action: "health.ready" },
);
