import { auditExportResponse } from "@/lib/http/audit-export";
import { withApi } from "@/lib/http/with-api";
import { auditExportQuerySchema } from "@/lib/schemas/audit";
import { findAuditEventBatches } from "@/lib/services/audit/find-audit-event-batches";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/audit-events/export – every audit event matching the filters, streamed as CSV or JSON (administrators)
export const GET = withApi(
  async ({ actor, query: { format, ...filter }, requestId }) =>
    auditExportResponse(await findAuditEventBatches({ actor, filter }), format, requestId),
  { action: "audit.read", query: auditExportQuerySchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
