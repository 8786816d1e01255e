import { withApi } from "@/lib/http/with-api";
import { statsQuerySchema } from "@/lib/schemas/stats";
import { getStats } from "@/lib/services/stats/get-stats";

// GET /api/v1/stats – the overview figures for a range of days (administrators)
export const GET = withApi(async ({ actor, query }) => Response.json(await getStats({ actor, query })), {
  action: "stats.read",
  query: statsQuerySchema,
});
