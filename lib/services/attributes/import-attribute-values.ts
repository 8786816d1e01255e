import "server-only";
import type { AttributeDefinition } from "@/lib/generated/prisma/client";
import { attributeValueField } from "@/lib/schemas/attribute-values";
import type { AttributeValue } from "@/lib/schemas/attributes";
import type { ImportRowError } from "@/lib/schemas/user-import";
import { db } from "@/lib/db";
import { fromColumns, toColumns } from "@/lib/services/attributes/mappers";

/** How an import or export file names an installation attribute's column. */
export const attributeColumnPrefix = "attribute.";

/** Splits an import record into its attribute cells (`attribute.<key>`, by key) and the rest. */
export function splitAttributeCells(record: unknown): { rest: unknown; cells: Record<string, unknown> } {
  if (!record || typeof record !== "object" || Array.isArray(record)) return { rest: record, cells: {} };
  const rest: Record<string, unknown> = {};
  const cells: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(record)) {
    if (column.startsWith(attributeColumnPrefix)) cells[column.slice(attributeColumnPrefix.length)] = value;
    else rest[column] = value;
  }
  return { rest, cells };
}

/**
 * Checks one row's attribute cells against the installation's definitions, as text (a
 * CSV cell) or as the JSON value: unknown columns, bad values and missing required ones
 * become row errors, and a unique attribute's value repeated in the file too. Answers
 * the parsed values, or null when the row has errors.
 */
export function parseAttributeCells(
  row: number,
  cells: Record<string, unknown>,
  definitions: AttributeDefinition[],
  seenUnique: Map<string, number>,
): { values: Record<string, AttributeValue>; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const values: Record<string, AttributeValue> = {};
  for (const key of Object.keys(cells)) {
    if (!definitions.some((definition) => definition.key === key)) {
      errors.push({ row, field: `${attributeColumnPrefix}${key}`, message: "No such attribute." });
    }
  }
  for (const definition of definitions) {
    const field = `${attributeColumnPrefix}${definition.key}`;
    const cell = cells[definition.key];
    const parsed = attributeValueField(definition, typeof cell === "string" ? "text" : "json").safeParse(cell ?? null);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((issue) => ({ row, field, message: issue.message })));
      continue;
    }
    if (parsed.data === null) continue;
    if (definition.unique) {
      const seenKey = `${definition.id}:${JSON.stringify(toColumns(definition.type, parsed.data))}`;
      const earlier = seenUnique.get(seenKey);
      if (earlier !== undefined) errors.push({ row, field, message: `The same ${definition.label} is already in row ${earlier}.` });
      else seenUnique.set(seenKey, row);
    }
    values[definition.key] = parsed.data;
  }
  return { values, errors };
}

/**
 * The rows whose value of a unique attribute another user already holds, each as a row
 * error, so a dry run reports them as the write would refuse them: one query per unique
 * attribute.
 */
export async function findTakenUniqueValues(
  rows: { row: number; attributes: Record<string, AttributeValue> }[],
  definitions: AttributeDefinition[],
): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  for (const definition of definitions.filter((candidate) => candidate.unique)) {
    const sent = rows.filter((row) => row.attributes[definition.key] !== undefined);
    if (sent.length === 0) continue;
    const taken = await db().attributeValue.findMany({
      where: { definitionId: definition.id, OR: sent.map((row) => toColumns(definition.type, row.attributes[definition.key]!)) },
    });
    const takenValues = new Set(taken.map((value) => JSON.stringify(fromColumns(value))));
    for (const row of sent) {
      if (takenValues.has(JSON.stringify(row.attributes[definition.key]))) {
        errors.push({
          row: row.row,
          field: `${attributeColumnPrefix}${definition.key}`,
          message: `Another user already has this ${definition.label}.`,
        });
      }
    }
  }
  return errors;
}
