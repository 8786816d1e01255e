import fc from "fast-check";
import { resolve, type Document, type Schema } from "./openapi";

/**
 * Values chosen to break things: control characters and NUL (PostgreSQL text cannot
 * hold them), lone surrogates, huge and empty strings, SQL and LIKE metacharacters,
 * numbers beyond PostgreSQL's integer or JavaScript's safe range, dates PostgreSQL
 * refuses, numbers JavaScript reads loosely, and every JSON type in the wrong place.
 */
export const evilStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "line\nbreak",
  "\u001b[31m",
  "\u0085\u009f",
  "\ud800",
  "\udfff\ud800",
  "\u202e\u200b\ufeff",
  "😀".repeat(60),
  "名前".repeat(30),
  "x".repeat(101),
  "x".repeat(5_000),
  "%",
  "_",
  "\\",
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "0x10",
  "1e3",
  "-1",
  "0",
  "2147483648",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "0000-01-01",
  "9999-12-31T23:59:59-14:00",
  "1969-12-31T23:59:59Z",
  "2026-02-30",
  "null",
  "true",
  "__proto__",
  "constructor",
  "%zz",
  "%00",
];

export const evilNumbers = [0, -1, -0, 1.5, 2_147_483_647, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e308, -1e308];

export const evilValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...evilStrings),
  fc.constantFrom(...evilNumbers),
  fc.constantFrom(null, true, false, [], {}, [null], { $gt: "" }, { __proto__: { admin: true } }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A string fit for a named format, or a plausible one for an unformatted string. */
function stringFor(schema: Schema): fc.Arbitrary<string> {
  const maxLength = Math.min(schema.maxLength ?? 40, 60);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (schema.format === "email") return fc.uuid().map((id) => `fuzz-${id.slice(0, 13)}@example.test`);
  if (schema.format === "uuid") return fc.uuid({ version: 7 });
  if (schema.format === "date-time")
    return fc.date({ min: new Date("2027-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === "date")
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  if (schema.pattern) {
    try {
      const [least, most] = [schema.minLength ?? 0, schema.maxLength ?? Infinity];
      return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length >= least && text.length <= most);
    } catch {
      // a pattern JavaScript cannot read: fall back to plain text
    }
  }
  return fc.oneof(
    fc.string({ minLength: Math.max(minLength, 1), maxLength }).map((text) => text.trim() || "x".repeat(Math.max(minLength, 1))),
    fc.string({ unit: "grapheme", minLength: Math.max(minLength, 1), maxLength }),
  );
}

/**
 * The document and, by property name, values that only the running system knows (an
 * existing role name, a fixture's id), which make more requests get past validation.
 */
export type Context = { document: Document; overrides: Record<string, fc.Arbitrary<unknown>> };

/** Values a schema accepts (mostly: patterns and cross-field rules are approximated). */
export function validFor(raw: Schema, context: Context, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw, context.document);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validFor(choice, context, depth + 1)));
  if (schema.allOf?.length) return validFor(schema.allOf[0]!, context, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? (schema.properties ? "object" : "string")];
  return fc.oneof(...types.map((type) => validForType(type, schema, context, depth)));
}

function validForType(type: string, schema: Schema, context: Context, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1_000_000) });
    case "number":
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000, noNaN: true });
    case "array":
      return depth > 3
        ? fc.constant([])
        : fc.array(validFor(schema.items ?? {}, context, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? 4, 4),
          });
    case "object": {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, context.overrides[key] ?? validFor(value, context, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return stringFor(schema);
  }
}

/** A valid object with one thing wrong: a field dropped, retyped, made evil, or an unknown one added. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), evilValues, fc.constantFrom("drop", "replace", "add", "whole")).map(([value, index, evil, how]) => {
    if (how === "whole" || typeof value !== "object" || value === null || Array.isArray(value)) return evil;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys[index % Math.max(keys.length, 1)];
    if (how === "add" || key === undefined) copy[`unknown${index % 3}`] = evil;
    else if (how === "drop") delete copy[key];
    else copy[key] = evil;
    return copy;
  });
}
