import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";

export type ImportFormat = "csv" | "json";

const headerAliases: Record<string, string> = { password_hash: "passwordHash", passwordhash: "passwordHash" };

/**
 * Turns an uploaded file into rows. CSV goes through a real parser (csv-parse), which
 * gets quoted commas, embedded newlines, doubled quotes and byte-order marks right; the
 * first line names the columns. JSON is an array of objects, or `{ "users": [...] }`.
 */
export function parseUserImport(text: string, format: ImportFormat): unknown[] {
  return format === "csv" ? parseCsv(text) : parseJson(text);
}

function parseCsv(text: string): unknown[] {
  try {
    return parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => headerAliases[name.trim().toLowerCase()] ?? name.trim()),
      // Files stitched together from several tools can mix Windows and Unix line ends.
      record_delimiter: ["\r\n", "\n"],
      skip_empty_lines: true,
      trim: true,
    }) as unknown[];
  } catch (error) {
    throw new AppError("bad_request", `The CSV could not be read: ${(error as Error).message}`);
  }
}

function parseJson(text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  const rows = Array.isArray(value) ? value : (value as { users?: unknown } | null)?.users;
  if (!Array.isArray(rows)) {
    throw new AppError("validation_failed", "Send an array of users.", {
      fieldErrors: [{ field: "(body)", message: 'Expected an array of users, or { "users": [...] }.' }],
    });
  }
  return rows;
}
