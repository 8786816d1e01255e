import { logger } from "@/lib/logger";
import type { ManagedUser } from "@/lib/schemas/user";
import { csvHeader, csvRows, exportColumns, jsonRows, type ExportColumns, type ExportRow } from "@/lib/http/export-format";

type Rows = ManagedUser[] | ExportRow[];

type StreamOptions = {
  requestId: string;
  log?: { error(entry: object, message: string): void };
  /** The fields written, in order; the users export's by default. */
  columns?: ExportColumns;
};

/**
 * Turns batches of rows (users, or the audit events) into a byte stream that is pulled
 * as the client reads, so the server holds one batch at a time however many rows match.
 *
 * The first batch is fetched before the stream is returned, so a query that fails at
 * once still becomes an error answer instead of a 200 with a broken body. A failure
 * after that errors the stream: the server then aborts the connection rather than
 * ending the body cleanly, which every client sees as a failed download (a truncated
 * CSV could otherwise pass for a complete one), and it is logged with the request id.
 */
export async function exportStream(
  batches: AsyncGenerator<Rows>,
  format: "csv" | "json",
  { requestId, log = logger, columns = exportColumns }: StreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let fetched: IteratorResult<Rows> | undefined = await batches.next();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvHeader(columns) : "[\n"));
    },
    async pull(controller) {
      let next: IteratorResult<Rows>;
      try {
        next = fetched ?? (await batches.next());
        fetched = undefined;
      } catch (error) {
        log.error({ err: error, requestId }, "an export failed midway; the connection is aborted");
        controller.error(error);
        return;
      }
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
