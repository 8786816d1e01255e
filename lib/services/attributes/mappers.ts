import type { AttributeDefinition, AttributeValue as ValueRow } from "@/lib/generated/prisma/client";
import type { AttributePublic, AttributeType, AttributeValue } from "@/lib/schemas/attributes";

/** The only way a definition leaves the service layer. */
export function toAttributePublic(definition: AttributeDefinition): AttributePublic {
  return {
    id: definition.id,
    organizationId: definition.organizationId,
    key: definition.key,
    label: definition.label,
    type: definition.type,
    options: definition.options,
    required: definition.required,
    unique: definition.unique,
    userAccess: definition.userAccess,
    version: definition.version,
    createdAt: definition.createdAt.toISOString(),
    updatedAt: definition.updatedAt.toISOString(),
  };
}

export type TypedColumns = Pick<ValueRow, "textValue" | "numberValue" | "boolValue" | "dateValue">;

const empty: TypedColumns = { textValue: null, numberValue: null, boolValue: null, dateValue: null };

/** A parsed value in the column of its type (enums are text); the others null, as the CHECK demands. */
export function toColumns(type: AttributeType, value: AttributeValue): TypedColumns {
  switch (type) {
    case "number":
      return { ...empty, numberValue: value as number };
    case "boolean":
      return { ...empty, boolValue: value as boolean };
    case "date":
      return { ...empty, dateValue: new Date(`${value as string}T00:00:00.000Z`) };
    default:
      return { ...empty, textValue: value as string };
  }
}

/** A stored value as the API shows it: whichever column is set (a date as 2026-01-31). */
export function fromColumns(row: TypedColumns): AttributeValue | null {
  if (row.textValue !== null) return row.textValue;
  if (row.numberValue !== null) return row.numberValue;
  if (row.boolValue !== null) return row.boolValue;
  if (row.dateValue !== null) return row.dateValue.toISOString().slice(0, 10);
  return null;
}

/** A stored value as text, the form every type can be read back from (a type change, an export). */
export function columnsAsText(row: TypedColumns): string | null {
  const value = fromColumns(row);
  return value === null ? null : String(value);
}
