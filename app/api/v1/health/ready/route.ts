import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http/with-api";
import { isDatabaseReachable } from "@/lib/services/health/check-database";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/health/ready – readiness: the database answers
export const GET = withApi(
  async () => {
    if (!(await isDatabaseReachable())) throw new AppError("unavailable", "The database is not reachable.");
    return Response.json({ status: "ready", checks: { database: "ok" } });
  },
  { action: "health.ready" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
