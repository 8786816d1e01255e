import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { scopeForMethod, type ApiScope } from "@/lib/auth/scopes";
import { refuseBeforeSecondFactor } from "@/lib/auth/second-factor-gate";
import { finishResponse } from "@/lib/http/finish-response";
import { requireScope, resolveCaller, unauthenticated } from "@/lib/http/api-caller";
import { rejectCrossSiteRequest } from "@/lib/http/same-origin";
import { problemResponse } from "@/lib/http/problem";
import { isBodilessDelete, readJsonBody } from "@/lib/http/read-json-body";
import { requestContextFrom, runWithRequestContext } from "@/lib/request-context";

type Params = Record<string, string | string[] | undefined>;

type ApiOptions<Body, Query, Auth extends boolean> = {
  /** Whether a signed-in caller is required. Defaults to true: public endpoints say so. */
  authenticated?: Auth;
  /**
   * Never look at credentials: probes and the API document, which must stay cheap and
   * answer 200 even behind a proxy that adds an Authorization header of its own.
   */
  anonymous?: Auth extends false ? true : never;
  /** The scope a token needs; by default the method's (`read` for GET/HEAD, `write` otherwise). */
  scope?: ApiScope;
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  /** Open to a caller who must still set up a second factor (second-factor-gate.ts): only what enrolment needs. */
  beforeSecondFactor?: boolean;
};

type ApiContext<Body, Query, Auth extends boolean> = {
  request: Request;
  actor: Auth extends false ? Actor | null : Actor;
  body: Body;
  query: Query;
  params: Params;
  requestId: string;
};

/**
 * Wraps every `/api/v1` handler: gives the request an id, resolves the caller (browser
 * session or bearer token) and checks a token's scope against the method, parses
 * the query and body with zod, maps every error to problem+json, marks every answer
 * uncacheable and logs it by its route pattern. Handlers are left with one call into
 * the service layer.
 */
export function withApi<Body = undefined, Query = undefined, Auth extends boolean = true>(
  handler: (context: ApiContext<Body, Query, Auth>) => Promise<Response>,
  options: ApiOptions<Body, Query, Auth> = {},
) {
  return async (request: Request, route: { params: Promise<Params> }): Promise<Response> => {
    const context = {
      ...requestContextFrom(request.headers),
      requestLine: { method: request.method, path: new URL(request.url).pathname },
    };
    const started = performance.now();
    return runWithRequestContext(context, async () => {
      let response: Response;
      let params: Params = {};
      try {
        params = (await route?.params) ?? {};
        rejectCrossSiteRequest(request);
        const actor = options.anonymous ? null : await resolveCaller(request);
        if (!actor && options.authenticated !== false) throw unauthenticated();
        if (actor) requireScope(actor, options.scope ?? scopeForMethod(request.method));
        refuseBeforeSecondFactor(actor, options.beforeSecondFactor);
        const query = options.query ? options.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : (undefined as Query);
        const sent = options.body && !isBodilessDelete(request) ? await readJsonBody(request) : undefined;
        const body = options.body ? options.body.parse(sent) : (undefined as Body);
        response = await handler({
          request,
          actor: actor as ApiContext<Body, Query, Auth>["actor"],
          body,
          query,
          params,
          requestId: context.requestId,
        });
        response.headers.set("x-request-id", context.requestId);
      } catch (error) {
        response = problemResponse(error, context.requestId);
      }
      return finishResponse(response, { request, params, started });
    });
  };
}
