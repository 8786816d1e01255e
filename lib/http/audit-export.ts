import "server-only";
import { auditEventSchema, type AuditEventPublic } from "@/lib/schemas/audit";
import { exportStream } from "@/lib/http/export-stream";

// The list's fields, in its order: an export row is a list row, in CSV and in JSON.
const columns = auditEventSchema.keyof().options;
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
