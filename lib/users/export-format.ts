import type { ManagedUser } from "@/lib/schemas/user";

export const exportColumns = ["id", "email", "name", "role", "status", "createdAt", "lastLoginAt", "deletedAt"] as const;

/**
 * One CSV cell. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * get a leading apostrophe, so an exported name cannot execute in someone's Excel.
 */
function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${exportColumns.join(",")}\r\n`;
}

export function csvRows(users: ManagedUser[]): string {
  return users.map((user) => `${exportColumns.map((column) => csvCell(user[column])).join(",")}\r\n`).join("");
}

/** JSON export is one array, written piece by piece: `[`, rows separated by commas, `]`. */
export function jsonRows(users: ManagedUser[], first: boolean): string {
  const body = users.map((user) => JSON.stringify(Object.fromEntries(exportColumns.map((column) => [column, user[column]])))).join(",\n");
  return `${first ? "" : ",\n"}${body}`;
}
