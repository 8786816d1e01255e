import { z } from "zod";
import type { AttributeType, AttributeValue } from "@/lib/schemas/attributes";
import { lineField } from "@/lib/schemas/fields";

/** What a value's schema needs of its definition. */
export type ValueDefinition = { key: string; label: string; type: AttributeType; options: string[]; required: boolean };

/**
 * How a value arrives: as JSON (the API, SCIM), where a number is a number, or as text (a
 * CSV cell, a stored value being converted to a new type), where "42" may be one.
 */
export type ValueSource = "json" | "text";

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Reads text as the JSON value it stands for, leaving anything else for the schema to refuse. */
function fromText(type: AttributeType, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (type === "number" && numberPattern.test(text)) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return value;
}

/** A calendar date that exists (2026-02-30 does not), within the years people use. */
const dateValue = z.iso
  .date("Use a date such as 2026-01-31.")
  .refine((date) => date >= "1900-01-01" && date <= "9999-12-31", "Use a date between 1900-01-01 and 9999-12-31.");

/** The schema of one type's values, with the messages people see. */
function typedValue(definition: ValueDefinition): z.ZodType<AttributeValue> {
  switch (definition.type) {
    case "text":
      return lineField({ error: "Enter text." })
        .min(1, "Enter a value, or send null to clear it.")
        .max(1000, "Use at most 1000 characters.");
    case "number":
      // Stored as double precision: past 2^53 a whole number would come back changed.
      return z
        .number({ error: "Enter a number." })
        .refine(Number.isFinite, "Enter a finite number.")
        .refine((n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER, "Use a number between -9007199254740991 and 9007199254740991.");
    case "boolean":
      return z.boolean({ error: "Must be true or false." });
    case "date":
      return z.string({ error: "Use a date such as 2026-01-31." }).pipe(dateValue);
    case "enum":
      return z.enum(definition.options as [string, ...string[]], { error: `Use one of: ${definition.options.join(", ")}.` });
  }
}

/**
 * The one schema of an attribute's values, built from its definition: every entry point
 * that takes a value (API, pages, import, SCIM, a type change) parses with it. null (or,
 * from text, an empty cell) clears the value, unless the attribute is required. It reports
 * the type's own message rather than a union's "invalid input".
 */
export function attributeValueField(definition: ValueDefinition, source: ValueSource = "json"): z.ZodType<AttributeValue | null> {
  const value = typedValue(definition);
  return z.unknown().transform((raw, context) => {
    const input = source === "text" ? fromText(definition.type, raw) : raw;
    if (input === null || input === undefined || (source === "text" && input === "")) {
      if (!definition.required) return null;
      context.addIssue({ code: "custom", message: `${definition.label} is required.` });
      return z.NEVER;
    }
    const result = value.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) context.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });
}
