import { z } from "zod";
import { parseScimFilter, stripCoreSchema, type ScimFilter } from "@/lib/scim/filter";
import { matchesFilter } from "@/lib/scim/evaluate-filter";
import { ScimError } from "@/lib/scim/scim-error";
import { scimUrn } from "@/lib/scim/schema-urns";

type Resource = Record<string, unknown>;

/** Providers send `op` capitalised ("Replace", Entra ID) as well as lower-case (RFC 7644 §3.5.2). */
const operationSchema = z.looseObject({
  op: z.string().transform((op, context) => {
    const lower = op.toLowerCase();
    if (lower === "add" || lower === "replace" || lower === "remove") return lower;
    context.addIssue({ code: "custom", message: `"${op}" is not a PATCH operation; use add, replace or remove.` });
    return z.NEVER;
  }),
  path: z.string().max(1000).optional(),
  value: z.unknown().optional(),
});

/** RFC 7644 §3.5.2's PatchOp message; at most 1000 operations, so one request stays bounded. */
export const patchRequestSchema = z.looseObject({
  schemas: z.array(z.string()).refine((schemas) => schemas.includes(scimUrn.patchOp), `schemas must contain ${scimUrn.patchOp}.`),
  Operations: z.array(operationSchema).min(1, "Send at least one operation.").max(1000, "Send at most 1000 operations."),
});
export type PatchRequest = z.infer<typeof patchRequestSchema>;
type Operation = PatchRequest["Operations"][number];

type Path = { attribute: string; filter?: ScimFilter; subAttribute?: string };

/**
 * An attribute and its sub-attribute. An extension's attributes are named after its URN
 * (`urn:…:enterprise:2.0:User:department`), whose version holds a dot of its own; the
 * extension itself (`urn:…:enterprise:2.0:User`) is one attribute.
 */
function splitAttribute(path: string): [string, string | undefined] {
  if (!path.startsWith("urn:")) return path.split(".", 2) as [string, string | undefined];
  if (/:(User|Group)$/i.test(path)) return [path, undefined];
  const colon = path.lastIndexOf(":");
  return [path.slice(0, colon), path.slice(colon + 1)];
}

/** `name.givenName`, `emails[type eq "work"].value`, `members[value eq "…"]`, with or without a schema URN. */
function parsePath(text: string): Path {
  const match = /^([^[\]]+?)(?:\[(.+)\](?:\.([A-Za-z][\w$-]*))?)?$/.exec(text.trim());
  if (!match) throw new ScimError("invalidPath", `"${text}" is not an attribute path.`);
  // Case is kept so a new attribute is stored as the client spelled it; lookups ignore case.
  const [attribute, subAttribute] = splitAttribute(stripCoreSchema(match[1]!));
  if (match[2] !== undefined) {
    return { attribute, filter: parseScimFilter(match[2]), subAttribute: match[3] ?? subAttribute };
  }
  return { attribute, subAttribute };
}

const keyOf = (resource: Resource, name: string) => Object.keys(resource).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
const isObject = (value: unknown): value is Resource => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/** Adds elements to a multi-valued attribute, leaving out those already there (same `value`). */
function appendUnique(current: unknown, added: unknown[]): unknown[] {
  const list = Array.isArray(current) ? [...current] : [];
  for (const item of added) {
    const exists = list.some(
      (existing) => isObject(existing) && isObject(item) && existing.value !== undefined && existing.value === item.value,
    );
    if (!exists) list.push(item);
  }
  return list;
}

function setValue(resource: Resource, path: Path, value: unknown, op: "add" | "replace"): void {
  const key = keyOf(resource, path.attribute);
  if (path.filter) {
    const list = Array.isArray(resource[key]) ? (resource[key] as Resource[]) : [];
    const matching = list.filter((item) => isObject(item) && matchesFilter(item, path.filter!));
    if (matching.length === 0) {
      // Entra ID sets `emails[type eq "work"].value` on a user that has no work email yet: make the element the filter describes.
      const seed = path.filter.kind === "compare" && path.filter.op === "eq" ? { [path.filter.path]: path.filter.value } : null;
      if (!seed) throw new ScimError("noTarget", `No value of ${path.attribute} matches the path's filter.`);
      resource[key] = [
        ...list,
        path.subAttribute ? { ...seed, [path.subAttribute]: value } : { ...seed, ...(isObject(value) ? value : {}) },
      ];
      return;
    }
    for (const item of matching) {
      if (path.subAttribute) item[keyOf(item, path.subAttribute)] = value;
      else if (isObject(value)) Object.assign(item, value);
    }
    return;
  }
  if (path.subAttribute) {
    const parent = isObject(resource[key]) ? (resource[key] as Resource) : {};
    parent[keyOf(parent, path.subAttribute)] = value;
    resource[key] = parent;
    return;
  }
  if (op === "add" && Array.isArray(value)) {
    resource[key] = appendUnique(resource[key], value);
  } else if (op === "add" && isObject(value) && isObject(resource[key])) {
    resource[key] = { ...(resource[key] as Resource), ...value };
  } else {
    resource[key] = value;
  }
}

function removeValue(resource: Resource, path: Path, value: unknown): void {
  const key = keyOf(resource, path.attribute);
  const current = resource[key];
  if (path.filter) {
    if (!Array.isArray(current)) return;
    if (path.subAttribute) {
      for (const item of current) if (isObject(item) && matchesFilter(item, path.filter)) delete item[keyOf(item, path.subAttribute)];
    } else {
      resource[key] = current.filter((item) => !(isObject(item) && matchesFilter(item, path.filter!)));
    }
    return;
  }
  if (path.subAttribute) {
    if (isObject(current)) delete current[keyOf(current, path.subAttribute)];
    return;
  }
  // Entra ID removes group members as `{"op":"Remove","path":"members","value":[{"value":"…"}]}`: only those listed.
  if (Array.isArray(value) && Array.isArray(current)) {
    const removed = new Set(value.filter(isObject).map((item) => item.value));
    resource[key] = current.filter((item) => !(isObject(item) && removed.has(item.value)));
    return;
  }
  delete resource[key];
}

function applyOne(resource: Resource, operation: Operation): void {
  if (operation.op === "remove") {
    if (!operation.path) throw new ScimError("noTarget", "A remove operation needs a path.");
    removeValue(resource, parsePath(operation.path), operation.value);
    return;
  }
  if (operation.value === undefined) throw new ScimError("invalidValue", `An ${operation.op} operation needs a value.`);
  if (operation.path) {
    setValue(resource, parsePath(operation.path), operation.value, operation.op);
    return;
  }
  // Without a path the value is an object of attributes (Okta: {"active": false}); Entra ID may name sub-attributes in its keys ("name.givenName").
  if (!isObject(operation.value)) throw new ScimError("invalidValue", "Without a path, the value must be an object of attributes.");
  for (const [name, value] of Object.entries(operation.value)) {
    setValue(resource, parsePath(name), value, operation.op);
  }
}

/** Applies a PATCH request's operations in order to a copy of the resource's SCIM representation. */
export function applyPatch(resource: Resource, request: PatchRequest): Resource {
  const copy = structuredClone(resource);
  for (const operation of request.Operations) applyOne(copy, operation);
  return copy;
}
