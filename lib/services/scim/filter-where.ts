import type { CompareOperator, ScimFilter } from "@/lib/scim/filter";
import { ScimError } from "@/lib/scim/scim-error";

/**
 * How one filterable attribute maps onto a Prisma condition: `wrap` places a column
 * condition where the attribute lives (a relation, say); `kind` says what values and
 * operators make sense.
 */
export type FilterAttribute =
  | { kind: "string"; caseExact: boolean; wrap: (condition: object) => object; optional?: true }
  | { kind: "id"; wrap: (condition: object) => object }
  | { kind: "date"; wrap: (condition: object) => object }
  | { kind: "boolean"; match: (value: boolean) => object }
  /** An attribute whose value is the same for every resource (emails[].type is always "work"). */
  | { kind: "constant"; value: string | boolean };

const invalid = (message: string) => new ScimError("invalidFilter", message);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function stringCondition(op: CompareOperator, value: string, caseExact: boolean): object {
  const mode = caseExact ? {} : { mode: "insensitive" as const };
  switch (op) {
    case "eq":
      return { equals: value, ...mode };
    case "co":
      return { contains: value, ...mode };
    case "sw":
      return { startsWith: value, ...mode };
    case "ew":
      return { endsWith: value, ...mode };
    default:
      return { [op === "ge" ? "gte" : op === "le" ? "lte" : op]: value, ...mode };
  }
}

function constantHolds(op: CompareOperator, actual: string | boolean, value: unknown): boolean {
  if (typeof actual === "boolean") return (op === "eq") === (value === actual);
  if (typeof value !== "string") throw invalid("Compare this attribute with a string.");
  const [a, b] = [actual.toLowerCase(), value.toLowerCase()];
  const results: Partial<Record<CompareOperator, boolean>> = {
    eq: a === b,
    ne: a !== b,
    co: a.includes(b),
    sw: a.startsWith(b),
    ew: a.endsWith(b),
  };
  const result = results[op];
  if (result === undefined) throw invalid(`"${op}" does not apply to this attribute.`);
  return result;
}

/**
 * One comparison as a where-clause. `nothing` matches no row, for a comparison that can
 * never hold. `ne` is the negation of `eq`: Prisma's `not` has no case-insensitive mode.
 */
function compare(attribute: FilterAttribute, op: CompareOperator, value: unknown, path: string, nothing: object): object {
  if (op === "ne" && attribute.kind !== "boolean" && attribute.kind !== "constant")
    return { NOT: compare(attribute, "eq", value, path, nothing) };
  switch (attribute.kind) {
    case "constant":
      return constantHolds(op, attribute.value, value) ? {} : nothing;
    case "boolean": {
      const flag = typeof value === "string" && /^(true|false)$/i.test(value) ? value.toLowerCase() === "true" : value;
      if (typeof flag !== "boolean" || (op !== "eq" && op !== "ne")) throw invalid(`Compare ${path} with eq or ne and true or false.`);
      return attribute.match(op === "eq" ? flag : !flag);
    }
    case "id":
      if (typeof value !== "string" || (op !== "eq" && op !== "ne")) throw invalid(`Compare ${path} with eq or ne and a string.`);
      return uuid.test(value) ? attribute.wrap({ equals: value }) : nothing;
    case "date": {
      const date = typeof value === "string" ? new Date(value) : null;
      if (!date || Number.isNaN(date.getTime())) throw invalid(`Compare ${path} with a date-time string.`);
      const key = ({ eq: "equals", gt: "gt", ge: "gte", lt: "lt", le: "lte" } as Partial<Record<CompareOperator, string>>)[op];
      if (!key) throw invalid(`"${op}" does not apply to ${path}.`);
      return attribute.wrap({ [key]: date });
    }
    case "string":
      if (typeof value !== "string") throw invalid(`Compare ${path} with a string.`);
      return attribute.wrap(stringCondition(op, value, attribute.caseExact));
  }
}

/** `pr`: only an optional column can lack a value; a required one always has it. */
function present(attribute: FilterAttribute): object {
  return attribute.kind === "string" && attribute.optional ? attribute.wrap({ not: null }) : {};
}

/**
 * Turns a parsed filter into a Prisma where-clause through a table of the attributes a
 * resource type allows, so no filter text ever reaches SQL. An attribute not in the
 * table is invalidFilter, as RFC 7644 §3.4.2.2 asks.
 */
export function filterWhere(
  filter: ScimFilter,
  { attributes, nothing }: { attributes: ReadonlyMap<string, FilterAttribute>; nothing: object },
  prefix = "",
): object {
  const table = { attributes, nothing };
  const attributeFor = (path: string) => {
    const attribute = attributes.get(prefix + path);
    if (!attribute) throw invalid(`Filtering on "${prefix + path}" is not supported.`);
    return attribute;
  };
  switch (filter.kind) {
    case "and":
      return { AND: [filterWhere(filter.left, table, prefix), filterWhere(filter.right, table, prefix)] };
    case "or":
      return { OR: [filterWhere(filter.left, table, prefix), filterWhere(filter.right, table, prefix)] };
    case "not":
      return { NOT: filterWhere(filter.filter, table, prefix) };
    case "valuePath":
      if (prefix) throw invalid("A value filter cannot hold another.");
      return filterWhere(filter.filter, table, `${filter.path}.`);
    case "present":
      return present(attributeFor(filter.path));
    case "compare":
      return compare(attributeFor(filter.path), filter.op, filter.value, prefix + filter.path, nothing);
  }
}
