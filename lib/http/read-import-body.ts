import { AppError } from "@/lib/errors";
import { parseUserImport, type ImportFormat } from "@/lib/schemas/parse-user-import";

/** Room for the largest import (5,000 rows with bcrypt hashes) with margin. */
const maxImportBytes = 2_000_000;

function formatOf(contentType: string): ImportFormat {
  if (/^text\/csv\b/i.test(contentType)) return "csv";
  if (/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) return "json";
  throw new AppError("unsupported_media_type", "Send the users as text/csv or application/json.");
}

/** Reads an import upload (CSV or JSON, by Content-Type) into rows, bounded in size. */
export async function readImportBody(request: Request): Promise<unknown[]> {
  const format = formatOf(request.headers.get("content-type") ?? "");
  const tooLarge = () => new AppError("payload_too_large", "The file is larger than 2 MB; split it into several imports.");
  if (Number(request.headers.get("content-length") ?? 0) > maxImportBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxImportBytes) throw tooLarge();
  return parseUserImport(text, format);
}
