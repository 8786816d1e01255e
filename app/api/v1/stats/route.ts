import { withApi } from "@/lib/http/with-api";
import { statsQuerySchema } from "@/lib/schemas/stats";
import { getStats } from "@/lib/services/stats/get-stats";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/stats – the overview figures for a range of days (administrators)
export const GET = withApi(async ({ actor, query }) => Response.json(await getStats({ actor, query })), {
  action: "stats.read",
  query: statsQuerySchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
