import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { AttributeValue } from "@/lib/schemas/attributes";
import { userImportRowSchema, type ImportRowError, type UserImportRow } from "@/lib/schemas/user-import";
import { findTakenUniqueValues, parseAttributeCells, splitAttributeCells } from "@/lib/services/attributes/import-attribute-values";
import { findScopeDefinitions } from "@/lib/services/attributes/rules";

type ValidRow = { row: number; data: UserImportRow; attributes: Record<string, AttributeValue> };
export type ValidatedImport = { rows: ValidRow[]; errors: ImportRowError[] };

/**
 * Checks every row of an import and reports each problem with its row number (1 is the
 * first user, after any header): invalid fields, roles the actor cannot give, emails
 * repeated in the file or already taken, and the installation's custom attributes
 * (`attribute.<key>` columns) checked against their definitions.
 */
export async function validateImportRows(records: unknown[], actor: Actor): Promise<ValidatedImport> {
  const errors: ImportRowError[] = [];
  const firstRowOf = new Map<string, number>();
  const candidates: ValidRow[] = [];
  const definitions = await findScopeDefinitions(undefined, { organizationId: null });
  const seenUnique = new Map<string, number>();

  records.forEach((record, index) => {
    const row = index + 1;
    const { rest, cells } = splitAttributeCells(record);
    const parsed = userImportRowSchema.safeParse(rest);
    const attributes = parseAttributeCells(row, cells, definitions, seenUnique);
    errors.push(...attributes.errors);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const fields = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.join(".") || "(row)"];
        const message = issue.code === "unrecognized_keys" ? "Unknown column." : issue.message;
        errors.push(...fields.map((field) => ({ row, field, message })));
      }
      return;
    }
    if (attributes.errors.length > 0) return;
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
    candidates.push({ row, data: parsed.data, attributes: attributes.values });
  });

  const taken = await db().user.findMany({
    where: { email: { in: candidates.map((candidate) => candidate.data.email) } },
    select: { email: true },
  });
  const takenEmails = new Set(taken.map((user) => user.email));
  const takenValues = await findTakenUniqueValues(candidates, definitions);
  errors.push(...takenValues);
  const rows = candidates.filter((candidate) => {
    if (takenValues.some((error) => error.row === candidate.row)) return false;
    if (!takenEmails.has(candidate.data.email)) return true;
    errors.push({ row: candidate.row, field: "email", message: "A user with this email already exists." });
    return false;
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}
