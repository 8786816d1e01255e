import "server-only";
import type { ActionName } from "@/lib/auth/action-catalogue";
import type { Actor } from "@/lib/auth/actor";
import { handleRoute, type RouteHandler, type RouteParams } from "@/lib/http/handle-route";
import { toAppError } from "@/lib/http/problem";
import { denyFraming } from "@/lib/http/security-headers";
import { providerPage } from "@/lib/oidc/html-pages";
import { escapeHtml } from "@/lib/escape-html";
import { authorizeAction } from "@/lib/services/auth/authorize-action";
import { getSessionActor } from "@/lib/session/auth";

type InteractionContext = { request: Request; actor: Actor; params: RouteParams };

/** A browser is told a refusal as a page, never as JSON: it came here by navigation. */
function refusalPage(error: unknown, requestId: string): Response {
  const refusal = toAppError(error);
  const message = refusal.code === "internal" ? `Something went wrong on our side; quote request id ${requestId}.` : refusal.message;
  const body = `<h1>The sign-in could not continue</h1><p class="error" role="alert" data-code="${escapeHtml(refusal.code)}">${escapeHtml(message)}</p><p><a href="/">Back to Usermanager</a></p>`;
  return new Response(providerPage({ title: "Sign-in problem", body }), {
    status: refusal.status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

/**
 * Wraps the route handlers of an application's sign-in on our side (/interaction/:uid):
 * the request context and log line of every route, the browser's session as the caller
 * (someone not signed in is sent to sign in and back), the action's rules (no "view as"
 * session signs in anywhere), and refusals answered as a page.
 */
export function withInteraction(action: ActionName, handler: (context: InteractionContext) => Promise<Response>): RouteHandler {
  return handleRoute({
    action,
    answerError: (error, requestId) => unframed(refusalPage(error, requestId)),
    run: async ({ request, params }) => unframed(await answer(request, params)),
  });

  async function answer(request: Request, params: RouteParams): Promise<Response> {
    const actor = await getSessionActor();
    if (!actor) {
      // Relative, so the browser keeps the host it came by (see the interaction route's redirects).
      const back = new URL(request.url).pathname;
      return new Response(null, { status: 303, headers: { location: `/sign-in?callbackUrl=${encodeURIComponent(back)}` } });
    }
    await authorizeAction(action, actor, async () => undefined);
    return handler({ request, actor, params });
  }
}

/** A step of an application's sign-in is never shown inside another site's frame, where a click could be stolen. */
function unframed(response: Response): Response {
  denyFraming(response.headers);
  return response;
}
