import type { ManagedUser } from "@/lib/schemas/user";
import { csvHeader, csvRows, exportColumns, jsonRows, type ExportColumns, type ExportRow } from "@/lib/users/export-format";

/**
 * Turns batches of rows (users, unless other `columns` are named) into a byte stream
 * that is pulled as the client reads, so the server holds one batch at a time however
 * many rows match.
 */
export function exportStream(
  batches: AsyncGenerator<ManagedUser[] | ExportRow[]>,
  format: "csv" | "json",
  columns: ExportColumns = exportColumns,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvHeader(columns) : "[\n"));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(format === "csv" ? csvRows(next.value, columns) : jsonRows(next.value, first, columns)));
      first = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
