import { scimResponse } from "@/lib/http/with-scim";
import { projectAttributes } from "@/lib/scim/attributes";
import { projectionOf } from "@/lib/scim/list-response";

/** One resource as answered by GET, POST, PUT and PATCH: its ETag, its Location on creation, the attributes asked for. */
export function resourceResponse(resource: Record<string, unknown>, search: URLSearchParams, status = 200): Response {
  const meta = resource.meta as { version: string; location: string };
  return scimResponse(projectAttributes(resource, projectionOf(search)), {
    status,
    headers: { etag: meta.version, ...(status === 201 ? { location: meta.location } : {}) },
  });
}

/** The If-Match header as sent (a weak ETag from meta.version), or undefined when absent or `*`. */
export function ifMatchOf(request: Request): string | undefined {
  const header = request.headers.get("if-match")?.trim();
  return !header || header === "*" ? undefined : header;
}
