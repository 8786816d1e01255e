/** One attribute of a schema as RFC 7643 §7 describes it to clients. */
export type SchemaAttribute = {
  name: string;
  type: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  returned?: string;
  uniqueness?: string;
  caseExact?: boolean;
  subAttributes?: SchemaAttribute[];
};

/** A single-valued, optional, read-write string unless told otherwise: RFC 7643's defaults spelled out, as Entra ID's validator wants them. */
export const attribute = (name: string, options: Partial<SchemaAttribute> = {}): SchemaAttribute => ({
  name,
  type: "string",
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...options,
});

/** A multi-valued complex attribute of `value`, `type` and `primary` (emails, phoneNumbers), plus any others. */
export const multiValued = (name: string, others: SchemaAttribute[] = []): SchemaAttribute =>
  attribute(name, {
    type: "complex",
    multiValued: true,
    subAttributes: [attribute("value"), attribute("type"), attribute("primary", { type: "boolean" }), ...others],
  });
