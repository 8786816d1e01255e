import "server-only";
import type { z } from "zod";
import { actionRule, type ActionName, type DirectoryActionName, type PublicActionName } from "@/lib/auth/action-catalogue";
import type { Actor } from "@/lib/auth/actor";
import { resolveCaller } from "@/lib/http/api-caller";
import { handleRoute, type RouteParams } from "@/lib/http/handle-route";
import { problemResponse } from "@/lib/http/problem";
import { readJsonBody, sendsNothing } from "@/lib/http/read-json-body";
import { requireSameSiteRequest } from "@/lib/http/same-origin";
import { authorizeAction } from "@/lib/services/auth/authorize-action";

type ApiAction = Exclude<ActionName, DirectoryActionName>;

type ApiOptions<Action extends ApiAction, Body, Query> = {
  /** The action this endpoint performs: its rules (who, organization tokens, step-up, view-as) come from the catalogue. */
  action: Action;
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
};

type ApiContext<Action extends ApiAction, Body, Query> = {
  request: Request;
  /** Null only for public actions, whose caller may be anyone. */
  actor: Action extends PublicActionName ? Actor | null : Actor;
  body: Body;
  query: Query;
  params: RouteParams;
  requestId: string;
};

/**
 * Wraps every `/api/v1` handler: resolves the caller (browser session or bearer token)
 * unless the action never looks at credentials, asks the action catalogue whether this
 * caller may take the action (organization limits, scopes, "view as", enrolment, a global
 * permission, step-up), parses the query and body with zod, maps every error to
 * problem+json, marks every answer uncacheable and logs it by its route pattern.
 * Handlers are left with one call into the service layer.
 */
export function withApi<Action extends ApiAction, Body = undefined, Query = undefined>(
  handler: (context: ApiContext<Action, Body, Query>) => Promise<Response>,
  options: ApiOptions<Action, Body, Query>,
) {
  const { anonymous } = actionRule(options.action);
  const bodyIsOptional = options.body?.safeParse(undefined).success ?? true;
  return handleRoute({
    action: options.action,
    answerError: problemResponse,
    run: async ({ request, params, requestId }) => {
      requireSameSiteRequest(request);
      const actor = anonymous ? null : await resolveCaller(request);
      // The body is read once, and only after the caller is known: refusals come before any parsing.
      let sent: Promise<unknown> | undefined;
      const readSent = () =>
        (sent ??= options.body && !sendsNothing(request, bodyIsOptional) ? readJsonBody(request) : Promise.resolve(undefined));
      await authorizeAction(options.action, actor, readSent);
      const query = options.query ? options.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : (undefined as Query);
      const body = options.body ? options.body.parse(await readSent()) : (undefined as Body);
      return handler({ request, actor: actor as ApiContext<Action, Body, Query>["actor"], body, query, params, requestId });
    },
  });
}
