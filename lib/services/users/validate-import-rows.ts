import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { userImportRowSchema, type ImportRowError, type UserImportRow } from "@/lib/schemas/user-import";

export type ValidatedImport = { rows: { row: number; data: UserImportRow }[]; errors: ImportRowError[] };

/**
 * Checks every row of an import and reports each problem with its row number (1 is the
 * first user, after any header): invalid fields, roles the actor cannot give, emails
 * repeated in the file or already taken.
 */
export async function validateImportRows(records: unknown[], actor: Actor): Promise<ValidatedImport> {
  const errors: ImportRowError[] = [];
  const firstRowOf = new Map<string, number>();
  const candidates: { row: number; data: UserImportRow }[] = [];

  records.forEach((record, index) => {
    const row = index + 1;
    const parsed = userImportRowSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const fields = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.join(".") || "(row)"];
        const message = issue.code === "unrecognized_keys" ? "Unknown column." : issue.message;
        errors.push(...fields.map((field) => ({ row, field, message })));
      }
      return;
    }
    if (!can(actor, "users:write", { user: { role: parsed.data.role } })) {
      errors.push({ row, field: "role", message: `You cannot give the role ${parsed.data.role}.` });
      return;
    }
    const earlier = firstRowOf.get(parsed.data.email);
    if (earlier) {
      errors.push({ row, field: "email", message: `The same email is already in row ${earlier}.` });
      return;
    }
    firstRowOf.set(parsed.data.email, row);
    candidates.push({ row, data: parsed.data });
  });

  const taken = await db().user.findMany({
    where: { email: { in: candidates.map((candidate) => candidate.data.email) } },
    select: { email: true },
  });
  const takenEmails = new Set(taken.map((user) => user.email));
  const rows = candidates.filter((candidate) => {
    if (!takenEmails.has(candidate.data.email)) return true;
    errors.push({ row: candidate.row, field: "email", message: "A user with this email already exists." });
    return false;
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}
