import { z } from "zod";
import { problems, registry } from "@/lib/openapi/registry";

registry.registerPath({
  method: "get",
  path: "/api/v1/health",
  tags: ["Health"],
  summary: "Liveness: the process is up",
  responses: { 200: { description: "Serving.", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } } },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/health/ready",
  tags: ["Health"],
  summary: "Readiness: the database answers",
  responses: {
    200: {
      description: "Ready.",
      content: {
        "application/json": { schema: z.object({ status: z.literal("ready"), checks: z.object({ database: z.literal("ok") }) }) },
      },
    },
    503: problems[503],
  },
});
