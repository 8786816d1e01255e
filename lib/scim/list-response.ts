import { attributeList, projectAttributes } from "@/lib/scim/attributes";
import type { ListQuery } from "@/lib/scim/list-query";
import { scimUrn } from "@/lib/scim/schema-urns";

/** RFC 7644 §3.4.2's ListResponse, each resource cut to the attributes asked for. */
export function listResponse(query: ListQuery, { total, resources }: { total: number; resources: Record<string, unknown>[] }) {
  return {
    schemas: [scimUrn.listResponse],
    totalResults: total,
    startIndex: query.startIndex,
    itemsPerPage: resources.length,
    Resources: resources.map((resource) => projectAttributes(resource, query)),
  };
}

/** The attributes/excludedAttributes of a single-resource request. */
export function projectionOf(search: URLSearchParams) {
  return { attributes: attributeList(search.get("attributes")), excludedAttributes: attributeList(search.get("excludedAttributes")) };
}
