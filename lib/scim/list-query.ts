import { attributeList } from "@/lib/scim/attributes";
import { normalizePath, parseScimFilter, type ScimFilter } from "@/lib/scim/filter";
import { ScimError } from "@/lib/scim/scim-error";
import { scimUrn } from "@/lib/scim/schema-urns";

/** The largest page served; RFC 7644 §3.4.2.4 lets the service provider cap `count`. */
export const maxPageSize = 200;

export type ListQuery = {
  filter: ScimFilter | null;
  startIndex: number;
  count: number;
  attributes: string[];
  excludedAttributes: string[];
  /** The attribute to sort by (normalized: no core schema URN, lower-case), or null for the order of creation. */
  sortBy: string | null;
  sortOrder: "ascending" | "descending";
};

/** RFC 7644 §3.4.2.3: ascending unless told otherwise; the words are compared case-insensitively. */
function sortOrderOf(value: string | null): ListQuery["sortOrder"] {
  if (value === null || value === "") return "ascending";
  const order = value.trim().toLowerCase();
  if (order !== "ascending" && order !== "descending") throw new ScimError("invalidValue", "sortOrder must be ascending or descending.");
  return order;
}

function integer(value: string | null, name: string): number | null {
  if (value === null || value === "") return null;
  if (!/^-?\d{1,9}$/.test(value.trim())) throw new ScimError("invalidValue", `${name} must be an integer.`);
  return Number(value);
}

/**
 * A list request's query (RFC 7644 §3.4.2): 1-based startIndex (below 1 counts as 1),
 * count (negative counts as 0, above the cap is the cap), the filter parsed, and the sort
 * (§3.4.2.3) as asked; which attributes can be sorted by is the list's to say.
 */
export function parseListQuery(search: URLSearchParams): ListQuery {
  const filter = search.get("filter");
  return {
    filter: filter ? parseScimFilter(filter) : null,
    startIndex: Math.max(1, integer(search.get("startIndex"), "startIndex") ?? 1),
    count: Math.min(maxPageSize, Math.max(0, integer(search.get("count"), "count") ?? 100)),
    attributes: attributeList(search.get("attributes")),
    excludedAttributes: attributeList(search.get("excludedAttributes")),
    sortBy: search.get("sortBy") ? normalizePath(search.get("sortBy")!.trim()) : null,
    sortOrder: sortOrderOf(search.get("sortOrder")),
  };
}

/**
 * The order a list is read in: by the sortBy attribute's column where the list can sort by
 * it (unassigned values last), then by creation, so pages never overlap.
 */
export function sortOrderBy<Order extends object>(
  query: ListQuery,
  sortable: ReadonlyMap<string, (direction: "asc" | "desc") => Order>,
  byCreation: Order[],
): Order[] {
  if (query.sortBy === null) return byCreation;
  const column = sortable.get(query.sortBy);
  if (!column) throw new ScimError("invalidValue", `sortBy can be one of: ${[...sortable.keys()].join(", ")}.`);
  return [column(query.sortOrder === "descending" ? "desc" : "asc"), ...byCreation];
}

/**
 * A search sent with POST to `.search` (RFC 7644 §3.4.3): the same parameters as a list's
 * query, in a SearchRequest body, so a filter too long or too private for a URL can be sent.
 */
export function parseSearchRequest(body: unknown): ListQuery {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new ScimError("invalidSyntax", "Send a SearchRequest object.");
  const request = body as Record<string, unknown>;
  if (!Array.isArray(request.schemas) || !request.schemas.includes(scimUrn.searchRequest)) {
    throw new ScimError("invalidSyntax", `A search names the schema ${scimUrn.searchRequest}.`);
  }
  const search = new URLSearchParams();
  for (const name of ["filter", "startIndex", "count", "attributes", "excludedAttributes", "sortBy", "sortOrder"]) {
    const value = request[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.every((item) => typeof item === "string")) search.set(name, value.join(","));
    else if (typeof value === "string" || typeof value === "number") search.set(name, String(value));
    else
      throw new ScimError(
        "invalidValue",
        `${name} must be ${name.endsWith("ttributes") ? "a list of attribute names" : "a string or a number"}.`,
      );
  }
  return parseListQuery(search);
}
