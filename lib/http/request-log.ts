import "server-only";
import { logger } from "@/lib/logger";

type Params = Record<string, string | string[] | undefined>;

const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * The route's pattern, e.g. `/api/v1/invitations/[token]/accept`, rebuilt from the path
 * and the route's params: dynamic segments can hold secrets (an invitation token) or
 * personal data, and logs keep neither. Params come in route order, so each is looked
 * for after the previous one.
 */
export function routePattern(pathname: string, params: Params): string {
  const segments = pathname.split("/");
  let from = 0;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const start = segments.findIndex((segment, index) => index >= from && safeDecode(segment) === values[0]);
    if (start < 0) continue;
    const placeholder = Array.isArray(value) ? `[...${name}]` : `[${name}]`;
    segments.splice(start, values.length, placeholder);
    from = start + 1;
  }
  return segments.join("/");
}

/** The one line every API request leaves in the log: what was called, how it ended, how long it took. */
export function logRequest({
  request,
  params = {},
  status,
  started,
}: {
  request: Request;
  params?: Params;
  status: number;
  started: number;
}) {
  logger.info(
    {
      method: request.method,
      path: routePattern(new URL(request.url).pathname, params),
      status,
      ms: Math.round(performance.now() - started),
    },
    "request",
  );
}
