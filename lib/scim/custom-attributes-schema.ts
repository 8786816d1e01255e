import type { AttributePublic } from "@/lib/schemas/attributes";
import { attribute, type SchemaAttribute } from "@/lib/scim/schema-attribute";
import { scimUrn } from "@/lib/scim/schema-urns";

type Definition = Pick<AttributePublic, "key" | "label" | "type" | "options" | "required" | "unique">;

/**
 * An attribute's SCIM type. A date is a string, not RFC 7643's dateTime: our dates have
 * no time of day, and a directory that sent one would be refused for the time it added.
 */
const scimTypeOf = { text: "string", number: "decimal", boolean: "boolean", date: "string", enum: "string" } as const;

function describe(definition: Definition): string {
  if (definition.type === "date") return `${definition.label}: a date such as 2026-01-31.`;
  if (definition.type === "enum") return `${definition.label}: one of ${definition.options.join(", ")}.`;
  return definition.label;
}

/** One custom attribute as RFC 7643 §7 describes it: the key is its name, the label its description. */
function toSchemaAttribute(definition: Definition): SchemaAttribute & { description: string; canonicalValues?: string[] } {
  return {
    ...attribute(definition.key, {
      type: scimTypeOf[definition.type],
      required: definition.required,
      // Keys and enum values compare exactly, as the API compares them.
      caseExact: true,
      uniqueness: definition.unique ? "server" : "none",
    }),
    description: describe(definition),
    ...(definition.type === "enum" ? { canonicalValues: definition.options } : {}),
  };
}

/**
 * The organization's custom attributes as a User extension schema, so a directory can map
 * them like the enterprise extension's. Its attributes differ per organization: each
 * directory sees its own organization's definitions.
 */
export const customUserSchema = (definitions: Definition[]) => ({
  schemas: [scimUrn.schema],
  id: scimUrn.customUser,
  name: "CustomAttributes",
  description: "The organization's own attributes of its members",
  attributes: definitions.map(toSchemaAttribute),
  meta: { resourceType: "Schema", location: `/scim/v2/Schemas/${scimUrn.customUser}` },
});

export type CustomUserSchema = ReturnType<typeof customUserSchema>;
