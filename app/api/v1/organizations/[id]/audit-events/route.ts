import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { auditListQuerySchema } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/audit-events – the organization's audit events, newest first (audit:read)
export const GET = withApi(
  async ({ actor, params, query }) =>
    Response.json(await listAuditEvents({ actor, query, scope: { organizationId: routeParam(params, "id") } })),
  { action: "organization-audit.read", query: auditListQuerySchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
