import type { ManagedUser } from "@/lib/schemas/user";
import { csvHeader, csvRows, jsonRows } from "@/lib/users/export-format";

/**
 * Turns batches of users into a byte stream that is pulled as the client reads, so the
 * server holds one batch at a time however many users match.
 */
export function exportStream(batches: AsyncGenerator<ManagedUser[]>, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvHeader() : "[\n"));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(format === "csv" ? csvRows(next.value) : jsonRows(next.value, first)));
      first = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
