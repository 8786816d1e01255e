import type { ScimFilter } from "@/lib/scim/filter";

const valueOf = (item: Record<string, unknown>, path: string): unknown => {
  let current: unknown = item;
  for (const name of path.split(".")) {
    if (!current || typeof current !== "object") return undefined;
    const key = Object.keys(current).find((candidate) => candidate.toLowerCase() === name);
    current = key === undefined ? undefined : (current as Record<string, unknown>)[key];
  }
  return current;
};

function compare(actual: unknown, op: string, expected: unknown): boolean {
  if (typeof actual === "string" && typeof expected === "string") {
    const [a, b] = [actual.toLowerCase(), expected.toLowerCase()];
    return (
      { eq: a === b, ne: a !== b, co: a.includes(b), sw: a.startsWith(b), ew: a.endsWith(b), gt: a > b, ge: a >= b, lt: a < b, le: a <= b }[
        op
      ] ?? false
    );
  }
  // Providers send booleans as "True" and "False" too.
  const normalize = (value: unknown) =>
    typeof value === "string" && /^(true|false)$/i.test(value) ? value.toLowerCase() === "true" : value;
  const equal = normalize(actual) === normalize(expected);
  return op === "eq" ? equal : op === "ne" ? !equal : false;
}

/** Whether one element of a multi-valued attribute (an email, a group member) matches a value filter such as `value eq "…"`. */
export function matchesFilter(item: Record<string, unknown>, filter: ScimFilter): boolean {
  switch (filter.kind) {
    case "and":
      return matchesFilter(item, filter.left) && matchesFilter(item, filter.right);
    case "or":
      return matchesFilter(item, filter.left) || matchesFilter(item, filter.right);
    case "not":
      return !matchesFilter(item, filter.filter);
    case "present":
      return valueOf(item, filter.path) !== undefined && valueOf(item, filter.path) !== null;
    case "compare":
      return compare(valueOf(item, filter.path), filter.op, filter.value);
    case "valuePath":
      return false;
  }
}
