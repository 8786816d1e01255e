import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { auditEventSchema, auditExportQuerySchema, auditListQuerySchema } from "@/lib/schemas/audit";
import { pageSchema } from "@/lib/schemas/pagination";

const event = registry.register("AuditEvent", auditEventSchema);
const page = {
  description: "One page of events, newest first; pass `nextCursor` as `cursor` for the next.",
  content: { "application/json": { schema: pageSchema(event) } },
};

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

const download = {
  description: "Every matching event, newest first, streamed.",
  content: { "text/csv": { schema: z.string() }, "application/json": { schema: z.array(event) } },
};

for (const [path, params, who] of [
  ["/api/v1/audit-events/export", undefined, "Global administrators only."],
  ["/api/v1/organizations/{id}/audit-events/export", z.object({ id: z.uuid() }), "Needs `audit:read` in the organization."],
] as const) {
  registry.registerPath({
    method: "get",
    path,
    tags: ["Audit"],
    summary: "Export the matching audit events as CSV or JSON",
    description: `${who} Takes the list's filters and \`format\`.`,
    security: authenticated,
    request: { ...(params ? { params } : {}), query: auditExportQuerySchema },
    responses: { 200: download, 401: problems[401], 403: problems[403], 404: problems[404], 422: problems[422] },
  });
}
