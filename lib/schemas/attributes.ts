import "@/lib/schemas/openapi-zod";
import { z } from "zod";
import { lineField } from "@/lib/schemas/fields";

export const attributeTypes = ["text", "number", "boolean", "date", "enum"] as const;
export const attributeTypeSchema = z.enum(attributeTypes, { error: "Use text, number, boolean, date or enum." });
export type AttributeType = z.infer<typeof attributeTypeSchema>;

/** none: administrators only; read: the user sees it too; edit: the user sees and changes it. */
export const attributeUserAccessSchema = z
  .enum(["none", "read", "edit"], { error: "Use none, read or edit." })
  .meta({ description: "Who besides administrators sees the value: `none`, the user (`read`), or the user who may change it (`edit`)." });

/**
 * An attribute's key: its name in the API (`attributes.<key>`), filters (`attribute.<key>=`),
 * CSV columns, SCIM and claims. Lower case, so names that differ only in case (SCIM compares
 * attribute names without case) cannot both exist.
 */
export const attributeKeyField = z
  .string({ error: "Enter a key." })
  .trim()
  .min(1, "Enter a key.")
  .max(64, "A key has at most 64 characters.")
  .regex(/^[a-z][a-z0-9_-]*$/, "Start with a lower-case letter; then use lower-case letters, digits, _ and -.");

const labelField = lineField({ error: "Enter a label." }).min(1, "Enter a label.").max(100, "A label has at most 100 characters.");
const optionField = lineField({ error: "Enter an option." }).min(1, "Enter an option.").max(100, "An option has at most 100 characters.");
const optionsField = z
  .array(optionField, { error: "Send a list of options." })
  .max(200, "Use at most 200 options.")
  .refine((options) => new Set(options).size === options.length, "Each option may appear once.");

/** The rules both shapes keep: an enum has options, other types none, and a yes/no cannot be unique. */
function checkRules(value: { type?: AttributeType; options?: string[]; unique?: boolean }, context: z.RefinementCtx) {
  if (value.type === "enum" && value.options !== undefined && value.options.length === 0) {
    context.addIssue({ code: "custom", path: ["options"], message: "List at least one option." });
  }
  if (value.type !== undefined && value.type !== "enum" && value.options !== undefined && value.options.length > 0) {
    context.addIssue({ code: "custom", path: ["options"], message: "Only an enum attribute has options." });
  }
  if (value.type === "boolean" && value.unique) {
    context.addIssue({ code: "custom", path: ["unique"], message: "A yes/no attribute cannot be unique." });
  }
}

export const attributeCreateSchema = z
  .strictObject({
    key: attributeKeyField,
    label: labelField,
    type: attributeTypeSchema,
    options: optionsField.optional(),
    required: z.boolean({ error: "Must be true or false." }).default(false),
    unique: z.boolean({ error: "Must be true or false." }).default(false),
    userAccess: attributeUserAccessSchema.default("none"),
  })
  .superRefine((value, context) => {
    if (value.type === "enum" && value.options === undefined) {
      context.addIssue({ code: "custom", path: ["options"], message: "List at least one option." });
    }
    checkRules(value, context);
  });
export type AttributeCreate = z.infer<typeof attributeCreateSchema>;

/** The key names the attribute everywhere, so it stays; everything else may change. */
export const attributeUpdateSchema = z
  .strictObject({
    label: labelField.optional(),
    type: attributeTypeSchema.optional(),
    options: optionsField.optional(),
    required: z.boolean({ error: "Must be true or false." }).optional(),
    unique: z.boolean({ error: "Must be true or false." }).optional(),
    userAccess: attributeUserAccessSchema.optional(),
  })
  .superRefine(checkRules);
export type AttributeUpdate = z.infer<typeof attributeUpdateSchema>;

export const attributePublicSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid().nullable().meta({ description: "null for the installation's attributes." }),
  key: z.string(),
  label: z.string(),
  type: attributeTypeSchema,
  options: z.array(z.string()),
  required: z.boolean(),
  unique: z.boolean(),
  userAccess: attributeUserAccessSchema,
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AttributePublic = z.infer<typeof attributePublicSchema>;

/** A value as the API carries it: text, number, yes/no, or a date as 2026-01-31. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/** `attributes` on a user or member: each key with its value; null clears one. Checked against the definitions by the service. */
export const attributeValuesInputSchema = z
  .record(z.string(), attributeValueSchema.nullable(), { error: "Send an object of attribute keys and values." })
  .meta({ description: "Attribute keys and their values; null removes a value. Validated against the attribute definitions." });
export type AttributeValuesInput = z.infer<typeof attributeValuesInputSchema>;

export const attributeValuesSchema = z
  .record(z.string(), attributeValueSchema)
  .meta({ description: "The custom attributes the caller may see, by key; a key without a value is left out." });
export type AttributeValues = z.infer<typeof attributeValuesSchema>;

/** The users list's filters on attributes, by key; sent as `attribute.<key>=<value>` parameters. */
export const attributeFilterField = z
  .record(attributeKeyField, lineField().max(200, "Filter with at most 200 characters."))
  .optional()
  .meta({ description: "Sent as `attribute.<key>=<value>` parameters: users whose attribute has exactly this value." });

/** Which attribute `sort=attribute` orders by; `sort=attribute.<key>` sets both. */
export const sortAttributeField = attributeKeyField.optional().meta({ description: "Sent as `sort=attribute.<key>`." });

const prefix = "attribute.";

/**
 * Query strings name an attribute filter `attribute.<key>=<value>` and an attribute sort
 * `sort=attribute.<key>`, beside the list's other parameters; this gathers them into the
 * list schema's `attributes` and `sortAttribute` before it parses, so every other unknown
 * parameter is still refused.
 */
export function withAttributeParams<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const rest: Record<string, unknown> = {};
    const attributes: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw)) {
      if (name.startsWith(prefix)) attributes[name.slice(prefix.length)] = value;
      else rest[name] = value;
    }
    if (typeof rest.sort === "string" && rest.sort.startsWith(prefix)) {
      rest.sortAttribute = rest.sort.slice(prefix.length);
      rest.sort = "attribute";
    }
    return Object.keys(attributes).length > 0 ? { ...rest, attributes } : rest;
  }, schema);
}

/** The body of PUT-like changes to a member's attributes: only the keys sent change. */
export const memberAttributesUpdateSchema = z.strictObject({ attributes: attributeValuesInputSchema });
export const memberAttributesSchema = z.object({ attributes: attributeValuesSchema });
