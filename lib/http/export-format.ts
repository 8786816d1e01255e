import { profileFields } from "@/lib/schemas/profile";
import type { ManagedUser } from "@/lib/schemas/user";

/** The users export's columns; the profile's are named as the import reads them. */
export const exportColumns = ["id", "email", "name", "role", "status", "createdAt", "lastLoginAt", "deletedAt", ...profileFields] as const;

/** Which fields of a row an export writes, in order; the users export's by default. */
export type ExportRow = Record<string, unknown>;
export type ExportColumns = readonly string[];

/**
 * One CSV cell; values that are not text (snapshots) are written as JSON. Cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe, so
 * an exported name cannot execute in someone's Excel.
 */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(columns: ExportColumns = exportColumns): string {
  return `${columns.join(",")}\r\n`;
}

export function csvRows(rows: ExportRow[] | ManagedUser[], columns: ExportColumns = exportColumns): string {
  return rows.map((row) => `${columns.map((column) => csvCell((row as ExportRow)[column])).join(",")}\r\n`).join("");
}

/** A user as the export writes it: the profile's fields as columns of their own, no phone list as an empty cell. */
export function toUserExportRow({ profile, ...user }: ManagedUser): ExportRow {
  return { ...user, ...profile, phoneNumbers: profile.phoneNumbers.length > 0 ? profile.phoneNumbers : null };
}

/** The users export's batches, made into export rows one batch at a time. */
export async function* userExportRows(batches: AsyncGenerator<ManagedUser[]>): AsyncGenerator<ExportRow[]> {
  for await (const batch of batches) yield batch.map(toUserExportRow);
}

/** JSON export is one array, written piece by piece: `[`, rows separated by commas, `]`. */
export function jsonRows(rows: ExportRow[] | ManagedUser[], first: boolean, columns: ExportColumns = exportColumns): string {
  const body = rows
    .map((row) => JSON.stringify(Object.fromEntries(columns.map((column) => [column, (row as ExportRow)[column] ?? null]))))
    .join(",\n");
  return `${first ? "" : ",\n"}${body}`;
}
