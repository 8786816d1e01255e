import { AppError, staleVersion } from "@/lib/errors";

/** Versions are PostgreSQL integers; a larger number names no version any record has. */
const maxVersion = 2_147_483_647;

/**
 * Optimistic concurrency: every versioned record's ETag is its version number. A client
 * sends it back in If-Match; the service updates only that version, so of two
 * concurrent edits the second gets 412 instead of silently overwriting the first.
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version named by If-Match, or undefined when the header is absent or `*`. One
 * beyond any stored version is stale whatever the record: 412, as for any other
 * version that is not the current one.
 */
export function versionFromIfMatch(request: Request): number | undefined {
  const header = request.headers.get("if-match")?.trim();
  if (!header || header === "*") return undefined;
  const match = /^(?:W\/)?"(\d{1,10})"$/.exec(header);
  if (!match) throw new AppError("bad_request", 'If-Match must be an ETag from a previous answer, like "3".');
  const version = Number(match[1]);
  if (version > maxVersion) throw staleVersion();
  return version;
}
