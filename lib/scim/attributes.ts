import { normalizePath } from "@/lib/scim/filter";

type Resource = Record<string, unknown>;

/** Attributes every answer keeps whatever was asked (RFC 7643 §7, "returned: always"). */
const always = new Set(["id", "schemas"]);

/** The comma-separated attribute list of a query parameter, normalized; empty when absent. */
export function attributeList(value: string | null | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map(normalizePath);
}

/** The resource's key matching a lower-cased attribute name, as SCIM names are case-insensitive. */
const keyOf = (resource: Resource, name: string) => Object.keys(resource).find((key) => key.toLowerCase() === name);

function pick(resource: Resource, paths: string[]): Resource {
  const result: Resource = {};
  for (const [key, value] of Object.entries(resource)) {
    const name = key.toLowerCase();
    if (always.has(name) || paths.includes(name)) {
      result[key] = value;
      continue;
    }
    const subPaths = paths.filter((path) => path.startsWith(`${name}.`)).map((path) => path.slice(name.length + 1));
    if (subPaths.length === 0) continue;
    result[key] = Array.isArray(value)
      ? value.map((item) => pick(item as Resource, subPaths))
      : value && typeof value === "object"
        ? pick(value as Resource, subPaths)
        : value;
  }
  return result;
}

function drop(resource: Resource, paths: string[]): Resource {
  const result: Resource = { ...resource };
  for (const path of paths) {
    const [name, sub] = path.split(".") as [string, string | undefined];
    const key = keyOf(result, name);
    if (!key || always.has(name)) continue;
    if (sub === undefined) {
      delete result[key];
    } else {
      const value = result[key];
      result[key] = Array.isArray(value)
        ? value.map((item) => drop(item as Resource, [sub]))
        : value && typeof value === "object"
          ? drop(value as Resource, [sub])
          : value;
    }
  }
  return result;
}

/** RFC 7644 §3.4.2.5: only the attributes asked for, or all but the excluded ones; `id` and `schemas` always. */
export function projectAttributes(
  resource: Resource,
  { attributes, excludedAttributes }: { attributes: string[]; excludedAttributes: string[] },
): Resource {
  if (attributes.length > 0) return pick(resource, attributes);
  if (excludedAttributes.length > 0) return drop(resource, excludedAttributes);
  return resource;
}
