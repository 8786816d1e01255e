import "server-only";
import type { ActionName, PublicActionName } from "@/lib/auth/action-catalogue";
import { finishResponse } from "@/lib/http/finish-response";
import { requestContextFrom, runWithRequestContext } from "@/lib/request-context";

export type RouteParams = Record<string, string | string[] | undefined>;
export type RouteContext = { params: Promise<RouteParams> };
export type RouteHandler = ((request: Request, route: RouteContext) => Promise<Response>) & { action: ActionName };

type Entry = {
  action: ActionName;
  /** Turns anything thrown into the entry kind's error document (problem+json, SCIM, OAuth). */
  answerError: (error: unknown, requestId: string) => Response;
  run: (context: { request: Request; params: RouteParams; requestId: string }) => Promise<Response>;
};

/**
 * What every route handler does around its own work, whichever wrapper made it: a
 * request id and context (so logs and audit events carry the client's address, user
 * agent and request id), one mapping of errors to the entry kind's error document, and
 * the same finish (no caching, transport security, one log line by route pattern). The
 * handler carries its action's name, which the catalogue coverage test reads.
 */
export function handleRoute({ action, answerError, run }: Entry): RouteHandler {
  const handler = async (request: Request, route: RouteContext): Promise<Response> => {
    const context = {
      ...requestContextFrom(request.headers),
      requestLine: { method: request.method, path: new URL(request.url).pathname },
    };
    const started = performance.now();
    return runWithRequestContext(context, async () => {
      let response: Response;
      let params: RouteParams = {};
      try {
        params = (await route?.params) ?? {};
        response = await run({ request, params, requestId: context.requestId });
      } catch (error) {
        response = answerError(error, context.requestId);
      }
      response.headers.set("x-request-id", context.requestId);
      return finishResponse(response, { request, params, started });
    });
  };
  return Object.assign(handler, { action });
}

/**
 * Names the public action of a handler that no wrapper of ours makes: Auth.js's own
 * endpoints, and the static pages of the API reference, which set their own caching. A
 * public action has no rule to enforce; naming it keeps every route in the catalogue.
 */
export function publicRoute<Handler extends (...args: never[]) => Promise<Response>>(
  action: PublicActionName,
  handler: Handler,
): Handler & { action: ActionName } {
  return Object.assign(handler, { action });
}
