import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { auditEventSchema, auditListQuerySchema } from "@/lib/schemas/audit";
import { pageSchema } from "@/lib/schemas/pagination";

const event = registry.register("AuditEvent", auditEventSchema);
const page = { description: "One page of events, newest first; pass `nextCursor` as `cursor` for the next.", content: { "application/json": { schema: pageSchema(event) } } };

registry.registerPath({
  method: "get",
  path: "/api/v1/audit-events",
  tags: ["Audit"],
  summary: "Every audit event matching the filters",
  description: "Global administrators only (not a token limited to one organization).",
  security: authenticated,
  request: { query: auditListQuerySchema },
  responses: { 200: page, 401: problems[401], 403: problems[403], 422: problems[422] },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/organizations/{id}/audit-events",
  tags: ["Audit"],
  summary: "The organization's audit events matching the filters",
  description: "Needs `audit:read` in the organization; shows only events that happened in it.",
  security: authenticated,
  request: { params: z.object({ id: z.uuid() }), query: auditListQuerySchema },
  responses: { 200: page, 401: problems[401], 403: problems[403], 404: problems[404], 422: problems[422] },
});
