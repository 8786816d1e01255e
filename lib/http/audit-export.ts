import "server-only";
import type { AuditEventPublic } from "@/lib/schemas/audit";
import { exportStream } from "@/lib/users/export-stream";

const columns = [
  "id",
  "at",
  "action",
  "actorId",
  "actorEmail",
  "impersonatorId",
  "impersonatorEmail",
  "targetType",
  "targetId",
  "targetEmail",
  "organizationId",
  "ip",
  "userAgent",
  "requestId",
  "before",
  "after",
] as const;
const contentTypes = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

/** The download both audit export endpoints answer: every matching event, streamed. */
export async function auditExportResponse(
  batches: AsyncGenerator<AuditEventPublic[]>,
  format: "csv" | "json",
  requestId: string,
): Promise<Response> {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await exportStream(batches, format, { requestId, columns }), {
    headers: {
      "content-type": contentTypes[format],
      "content-disposition": `attachment; filename="audit-events-${day}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
