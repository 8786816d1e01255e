import { withApi } from "@/lib/http/with-api";
import { auditListQuerySchema } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";

// GET /api/v1/audit-events – every audit event matching the filters, newest first (administrators)
export const GET = withApi(async ({ actor, query }) => Response.json(await listAuditEvents({ actor, query })), {
  action: "audit.read",
  query: auditListQuerySchema,
});
