import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, type FieldError } from "@/lib/errors";
import type { AttributeDefinition } from "@/lib/generated/prisma/client";
import { attributeValueField } from "@/lib/schemas/attribute-values";
import { columnsAsText, toColumns, type TypedColumns } from "@/lib/services/attributes/mappers";

type Next = Pick<AttributeDefinition, "key" | "label" | "type" | "options" | "unique">;
type Row = TypedColumns & { userId: string };

/** Each stored value read back as text and parsed by the new definition's schema, the same one every new value passes. */
function convert(rows: Row[], next: Next) {
  const field = attributeValueField({ ...next, required: false }, "text");
  const converted: { userId: string; columns: TypedColumns }[] = [];
  const refused: string[] = [];
  for (const row of rows) {
    const text = columnsAsText(row) ?? "";
    const parsed = field.safeParse(text);
    if (parsed.success && parsed.data !== null) converted.push({ userId: row.userId, columns: toColumns(next.type, parsed.data) });
    else refused.push(text);
  }
  return { converted, refused };
}

function duplicateOf(converted: { columns: TypedColumns }[]): string | null {
  const seen = new Set<string>();
  for (const { columns } of converted) {
    const text = columnsAsText(columns) ?? "";
    if (seen.has(text)) return text;
    seen.add(text);
  }
  return null;
}

const refusal = (field: string, message: string): never => {
  const fieldErrors: FieldError[] = [{ field, message }];
  throw new AppError("conflict", message, { fieldErrors });
};

/**
 * Brings the stored values along when a definition changes, so none is ever dropped
 * silently: a new type or a shorter list of options either holds every value (which then
 * moves to the new type's column, losslessly, since it is read back from its text) or the
 * change is refused naming the field and a value in the way. Turning `unique` on is
 * refused while two users share a value. Answers how many values moved to another column.
 */
export async function carryValuesOver(tx: Tx, before: AttributeDefinition, next: Next): Promise<number> {
  const typeChanged = before.type !== next.type;
  const optionsNarrowed = before.options.some((option) => !next.options.includes(option));
  const becomesUnique = next.unique && (!before.unique || typeChanged);
  if (typeChanged || optionsNarrowed || becomesUnique) {
    const rows = await tx.attributeValue.findMany({
      where: { definitionId: before.id },
      select: { userId: true, textValue: true, numberValue: true, boolValue: true, dateValue: true },
    });
    const { converted, refused } = convert(rows, next);
    if (refused.length > 0) {
      const field = typeChanged ? "type" : "options";
      refusal(field, `${refused.length} stored values do not fit, such as "${refused[0]}"; change or clear them first.`);
    }
    const duplicate = next.unique ? duplicateOf(converted) : null;
    if (duplicate !== null) refusal("unique", `Several users share the value "${duplicate}"; make the values unique first.`);
    if (typeChanged && converted.length > 0) await writeColumns(tx, before.id, converted);
  }
  if (before.unique !== next.unique) {
    await tx.attributeValue.updateMany({ where: { definitionId: before.id }, data: { isUnique: next.unique } });
  }
  return typeChanged ? await tx.attributeValue.count({ where: { definitionId: before.id } }) : 0;
}

/** One statement for every converted value: they move column together, as the CHECK wants one column set. */
async function writeColumns(tx: Tx, definitionId: string, converted: { userId: string; columns: TypedColumns }[]) {
  const list = <T>(pick: (columns: TypedColumns) => T) => converted.map(({ columns }) => pick(columns));
  await tx.$executeRaw`
    UPDATE attribute_values v
    SET text_value = c.t, number_value = c.n, bool_value = c.b, date_value = c.d
    FROM unnest(${converted.map((row) => row.userId)}::uuid[], ${list((c) => c.textValue)}::text[],
      ${list((c) => c.numberValue)}::float8[], ${list((c) => c.boolValue)}::boolean[],
      ${list((c) => c.dateValue?.toISOString().slice(0, 10) ?? null)}::date[]) AS c(user_id, t, n, b, d)
    WHERE v.definition_id = ${definitionId}::uuid AND v.user_id = c.user_id`;
}
