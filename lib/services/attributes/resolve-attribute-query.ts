import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, type FieldError } from "@/lib/errors";
import { Prisma, type AttributeDefinition } from "@/lib/generated/prisma/client";
import { attributeValueField } from "@/lib/schemas/attribute-values";
import type { AttributeType } from "@/lib/schemas/attributes";
import { toColumns } from "@/lib/services/attributes/mappers";

/** The typed column (and its SQL type) a type's values live in. */
const columnOf: Record<AttributeType, { column: string; cast: string }> = {
  text: { column: "text_value", cast: "text" },
  enum: { column: "text_value", cast: "text" },
  number: { column: "number_value", cast: "float8" },
  boolean: { column: "bool_value", cast: "boolean" },
  date: { column: "date_value", cast: "date" },
};

/** A sort on an attribute, in the shape of the list's other sort columns (user-sort-order.ts). */
export type AttributeSortColumn = {
  sql: string;
  field: "sortValue";
  value: z.ZodType<string | null>;
  nullable: true;
  cast: string;
  /** Users without a value have no joined row: an anti-join the planner reads in the users' id order. */
  empty: string;
  /**
   * The tie-breaker as the value index holds it: a cursor's row comparison must name the
   * index's own columns to start a range there; with u.id it read every row before it
   * (2 s a page 100 pages in, on the benchmark).
   */
  id: string;
};

/** What the users list adds for attributes: conditions on users `u`, and a join the sort column comes from. */
export type AttributeQuery = { conditions: Prisma.Sql[]; join: Prisma.Sql; sort?: AttributeSortColumn };

export const noAttributeQuery: AttributeQuery = { conditions: [], join: Prisma.empty };

const field = (key: string) => `attribute.${key}`;

/**
 * Turns the list's `attribute.<key>=<value>` filters and `sort=attribute.<key>` into SQL on
 * the installation's attributes. A filter value is parsed by the attribute's own schema (as
 * text, the way a query string carries it) and compared in its typed column, so each filter
 * is a probe of the (definition, value, user) index; the sort joins the same index, which
 * then gives the order. An unknown key or a value of the wrong type is refused naming it.
 */
export async function resolveAttributeQuery(query: {
  attributes?: Record<string, string>;
  sortAttribute?: string;
}): Promise<AttributeQuery> {
  const filters = Object.entries(query.attributes ?? {});
  const keys = [...filters.map(([key]) => key), ...(query.sortAttribute ? [query.sortAttribute] : [])];
  if (keys.length === 0) return noAttributeQuery;
  const definitions = await db().attributeDefinition.findMany({ where: { organizationId: null, key: { in: keys } } });
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const errors: FieldError[] = [];
  const conditions: Prisma.Sql[] = [];
  for (const [key, text] of filters) {
    const definition = byKey.get(key);
    const parsed = definition ? attributeValueField({ ...definition, required: false }, "text").safeParse(text) : undefined;
    if (!definition) errors.push({ field: field(key), message: "No such attribute." });
    else if (!parsed?.success || parsed.data === null) {
      errors.push({ field: field(key), message: parsed?.error?.issues[0]?.message ?? "Enter a value." });
    } else conditions.push(condition(definition, toColumns(definition.type, parsed.data)));
  }
  const sorted = query.sortAttribute ? byKey.get(query.sortAttribute) : undefined;
  if (query.sortAttribute && !sorted) errors.push({ field: "sort", message: `No such attribute: ${query.sortAttribute}.` });
  if (errors.length > 0) throw new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: errors });
  if (!sorted) return { conditions, join: Prisma.empty };
  const { column, cast } = columnOf[sorted.type];
  return {
    conditions,
    join: Prisma.sql`LEFT JOIN attribute_values sv ON sv.definition_id = ${sorted.id}::uuid AND sv.user_id = u.id`,
    sort: {
      sql: `sv.${column}`,
      field: "sortValue",
      value: z.string().max(1000).nullable(),
      nullable: true,
      cast,
      empty: "sv.user_id IS NULL",
      id: "sv.user_id",
    },
  };
}

function condition(definition: AttributeDefinition, columns: ReturnType<typeof toColumns>): Prisma.Sql {
  const { column } = columnOf[definition.type];
  const value = columns.textValue ?? columns.numberValue ?? columns.boolValue ?? columns.dateValue?.toISOString().slice(0, 10) ?? null;
  const typed = Prisma.sql`${String(value)}::${Prisma.raw(columnOf[definition.type].cast)}`;
  return Prisma.sql`EXISTS (SELECT 1 FROM attribute_values f
    WHERE f.definition_id = ${definition.id}::uuid AND f.user_id = u.id AND f.${Prisma.raw(column)} = ${typed})`;
}
