import { AppError } from "@/lib/errors";
import { OAuthError, oauthErrorResponse } from "@/lib/http/oauth-error";
import { problemResponse } from "@/lib/http/problem";
import { findDocumentedRoute } from "@/lib/openapi/documented-routes";

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers, before routing, the API requests no route handler can: a path with a
 * malformed percent-escape (Next.js fails to decode it into route parameters and
 * answers a bare text 500) and a method the route does not declare (Next.js answers an
 * empty 405). Both get the API's own error format, the 405 with `Allow`. Undefined
 * lets the request through to its route.
 */
export function unroutableApiAnswer(request: Request, requestId: string): Response | undefined {
  const { pathname } = new URL(request.url);
  if (!isDecodable(pathname)) {
    return problemResponse(new AppError("bad_request", "The path contains a malformed percent-escape such as %zz."), requestId);
  }
  const route = findDocumentedRoute(pathname);
  if (!route || route.allow.includes(request.method)) return undefined;
  const allow = route.allow.join(", ");
  const message = `${pathname} does not answer ${request.method}; it answers ${allow}.`;
  return route.oauth
    ? oauthErrorResponse(new OAuthError("invalid_request", message, 405, { allow }), requestId)
    : problemResponse(new AppError("method_not_allowed", message, { headers: { allow } }), requestId);
}
