import { withApi } from "@/lib/http/with-api";
import { auditListQuerySchema } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/audit-events – every audit event matching the filters, newest first (administrators)
export const GET = withApi(async ({ actor, query }) => Response.json(await listAuditEvents({ actor, query })), {
  action: "audit.read",
  query: auditListQuerySchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
