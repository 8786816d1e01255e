import { openApiDocument } from "@/lib/openapi/document";
import { isOAuthOperation, type Operation } from "@/lib/openapi/implied-responses";

export type DocumentedRoute = {
  /** The path as documented, e.g. `/api/v1/users/{id}`. */
  path: string;
  /** Every method the route answers, as an `Allow` header lists them. */
  allow: string[];
  /** Whether it is an OAuth endpoint, whose errors are RFC 6749 JSON rather than problem+json. */
  oauth: boolean;
};

const operationKeys = ["get", "put", "post", "delete", "patch"] as const;

let routes: { segments: string[]; route: DocumentedRoute }[] | undefined;

function documentedRoutes() {
  routes ??= Object.entries(openApiDocument().paths ?? {}).map(([path, item]) => {
    const operations = operationKeys.filter((key) => item?.[key]).map((key) => [key, item?.[key] as Operation] as const);
    const methods = operations.map(([key]) => key.toUpperCase());
    // Next.js answers HEAD with the GET handler and OPTIONS by itself on every route.
    const allow = [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort();
    return { segments: path.split("/"), route: { path, allow, oauth: operations.some(([, operation]) => isOAuthOperation(operation)) } };
  });
  return routes;
}

const isParameter = (segment: string) => segment.startsWith("{");

/** Orders routes as Next.js matches them: at the first segment where they differ, a fixed name wins over a parameter. */
function moreSpecific(a: string[], b: string[]): number {
  for (let index = 0; index < a.length; index++) {
    if (isParameter(a[index]!) !== isParameter(b[index]!)) return isParameter(a[index]!) ? 1 : -1;
  }
  return 0;
}

/**
 * The documented route a request path reaches, found from the OpenAPI document, which
 * a test keeps equal to the route files; undefined for a path no route serves.
 */
export function findDocumentedRoute(pathname: string): DocumentedRoute | undefined {
  const requested = pathname.split("/");
  const matches = documentedRoutes().filter(
    ({ segments }) =>
      segments.length === requested.length &&
      segments.every((segment, index) => (isParameter(segment) ? requested[index] !== "" : segment === requested[index])),
  );
  return matches.sort((a, b) => moreSpecific(a.segments, b.segments))[0]?.route;
}
