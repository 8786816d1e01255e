import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { statsQuerySchema, statsSchema } from "@/lib/schemas/stats";

const stats = registry.register("Stats", statsSchema);

registry.registerPath({
  method: "get",
  path: "/api/v1/stats",
  tags: ["Stats"],
  summary: "The overview figures: users, sign-ins, active users and security events",
  description:
    "Global administrators only. Counts (`users`, `organizations`, …) are as of now; `days` has one entry per UTC day from `from` to `to`; the dashboard at /admin shows the same figures.",
  security: authenticated,
  request: { query: statsQuerySchema },
  responses: {
    200: { description: "The figures.", content: { "application/json": { schema: stats } } },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});
