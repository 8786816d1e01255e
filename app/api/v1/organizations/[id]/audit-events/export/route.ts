import { auditExportResponse } from "@/lib/http/audit-export";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { auditExportQuerySchema } from "@/lib/schemas/audit";
import { findAuditEventBatches } from "@/lib/services/audit/find-audit-event-batches";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/audit-events/export – the organization's matching audit events, streamed as CSV or JSON (audit:read)
export const GET = withApi(
  async ({ actor, params, query: { format, ...filter }, requestId }) =>
    auditExportResponse(
      await findAuditEventBatches({ actor, filter, scope: { organizationId: routeParam(params, "id") } }),
      format,
      requestId,
    ),
  { action: "organization-audit.read", query: auditExportQuerySchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
