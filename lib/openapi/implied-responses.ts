import type { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { problems } from "@/lib/openapi/registry";

type Document = ReturnType<OpenApiGeneratorV31["generateDocument"]>;
export type Operation = {
  security?: unknown[];
  parameters?: { in?: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, unknown>;
};

const methods = ["get", "put", "post", "delete", "patch"] as const;

/** The OAuth endpoints are the ones that take a form (RFC 6749 §4.3.2, RFC 7009 §2.1), not JSON. */
export function isOAuthOperation(operation: Operation | undefined): boolean {
  return Boolean(operation?.requestBody?.content?.["application/x-www-form-urlencoded"]);
}

const descriptions: Record<number, string> = {
  ...Object.fromEntries(Object.entries(problems).map(([status, problem]) => [status, problem.description])),
  400: "Malformed request: invalid JSON, a malformed path or If-Match, or a value the database cannot hold.",
  401: "No valid credentials, or an invalid bearer token was sent.",
  405: "The route does not answer this method; `Allow` lists those it does.",
};

/**
 * The statuses every route can answer because of what withApi / withOAuth and the proxy
 * do for it, so the document lists them all without each path repeating them:
 * - every route: 308 (its path asked for with a trailing slash, which Next.js redirects
 *   to the path without it), 405 (proxy), 503 (database unavailable);
 * - withApi routes: 401 (a bad bearer token, even on public routes), 403 for unsafe
 *   methods (a cross-site request, a token without the scope) and on authenticated
 *   routes (a caller who must still set up a second factor, a sensitive action without
 *   a fresh confirmation);
 * - a path parameter: 400 (malformed percent-escape) and 404;
 * - a query schema: 422; a JSON body: 400, 413, 415 and 422; If-Match: 400 and 412;
 * - a body that carries a proof (a password or code confirming the caller, stepUpFields):
 *   429, since a proof is a guess counted against the sign-in limits.
 */
function impliedStatuses(method: (typeof methods)[number], operation: Operation, takesProof: boolean): number[] {
  const parameters = operation.parameters ?? [];
  const statuses = [405, 503];
  if (isOAuthOperation(operation)) return [...statuses, 400];
  statuses.push(401);
  if (method !== "get" || operation.security?.length) statuses.push(403);
  if (parameters.some((parameter) => parameter.in === "path")) statuses.push(400, 404);
  if (parameters.some((parameter) => parameter.in === "query")) statuses.push(422);
  if (operation.requestBody) statuses.push(400, 413, 415, 422);
  if (parameters.some((parameter) => parameter.in === "header")) statuses.push(400, 412);
  if (takesProof) statuses.push(429);
  return statuses;
}

function errorResponse(status: number, oauth: boolean) {
  const description = descriptions[status] ?? "An error.";
  return oauth
    ? { description, content: { "application/json": { schema: { $ref: "#/components/schemas/OAuthError" } } } }
    : { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
}

/** Next.js answers a path with a trailing slash before any route runs; 308 keeps the method and body. */
const trailingSlashRedirect = {
  description: "The path was asked for with a trailing slash; `Location` names it without one. Send the same request there.",
  headers: { Location: { description: "The path without the trailing slash.", schema: { type: "string" } } },
};

type Schema = { $ref?: string; properties?: Record<string, unknown> };

/** Whether the operation's JSON body has the proof fields: `otp` is sent only as a confirmation of the caller. */
function takesProof(document: Document, operation: Operation): boolean {
  const schema = (operation.requestBody?.content?.["application/json"] as { schema?: Schema } | undefined)?.schema;
  const named = schema?.$ref ? (document.components?.schemas?.[schema.$ref.split("/").pop()!] as Schema | undefined) : schema;
  return Boolean(named?.properties && "otp" in named.properties);
}

/** Adds the implied answers each operation does not already describe. */
export function addImpliedResponses(document: Document): Document {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item?.[method] as Operation | undefined;
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      responses[308] ??= trailingSlashRedirect;
      for (const status of impliedStatuses(method, operation, takesProof(document, operation))) {
        responses[status] ??= errorResponse(status, isOAuthOperation(operation));
      }
    }
  }
  return document;
}
