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

/** An entity tag without its weak marker: If-None-Match compares weakly (RFC 9110 §13.1.2). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/**
 * 304 Not Modified when a GET's If-None-Match names the resource's current version (or is
 * `*`), so a directory that polls re-reads only what changed (RFC 7644 §3.14); undefined
 * otherwise.
 */
export function notModified(request: Request, resource: Record<string, unknown>): Response | undefined {
  const header = request.headers.get("if-none-match");
  if (!header) return undefined;
  const version = (resource.meta as { version: string }).version;
  const tags = header.split(",").map(opaque);
  if (!tags.includes("*") && !tags.includes(opaque(version))) return undefined;
  return new Response(null, { status: 304, headers: { etag: version } });
}
