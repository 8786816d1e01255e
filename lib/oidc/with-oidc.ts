import "server-only";
import type { IdentityProviderActionName } from "@/lib/auth/action-catalogue";
import { config, isHttpsDeployment } from "@/lib/config";
import { handleRoute, type RouteHandler } from "@/lib/http/handle-route";
import { oauthErrorResponse } from "@/lib/http/oauth-error";
import { denyFraming, providerPagePolicy } from "@/lib/http/security-headers";
import { runNodeHandler } from "@/lib/oidc/node-bridge";
import { oidcProvider } from "@/lib/oidc/provider";
import { currentRequestContext } from "@/lib/request-context";
import { endCurrentSession } from "@/lib/services/auth/end-current-session";
import { authorizeAction } from "@/lib/services/auth/authorize-action";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { addressLimitKey } from "@/lib/services/rate-limit/address-limit-key";
import { sessionCookieName } from "@/lib/session/auth-cookies";
import { browserSessionActor } from "@/lib/oidc/browser-session";

type OidcRouteOptions = {
  action: IdentityProviderActionName;
  /**
   * Requests one client address may make in a minute: a number, or "clients" for the
   * endpoints a client calls with its secret and tokens (RATE_LIMIT_OAUTH_PER_MINUTE).
   */
  perMinute?: number | "clients";
  /** A check of the request before the provider sees it (the device flow's polling interval). */
  beforeProvider?: (request: Request) => Promise<void>;
  /** The sign-out endpoints: the browser's session of ours is looked up, to end with the provider's. */
  browser?: boolean;
};

/** The Auth.js cookie, emptied: the browser's session of ours has ended with the provider's. */
function clearSessionCookie(response: Response): void {
  const secure = isHttpsDeployment(config()) ? "; Secure" : "";
  response.headers.append(
    "set-cookie",
    `${sessionCookieName()}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${secure}`,
  );
}

/**
 * Wraps the identity provider's endpoints, as withApi wraps the API's: the same request
 * id, context, log line and security headers, the action's rules and, where the endpoint
 * takes guesses (secrets, codes, tokens), a limit per client address. The provider (a Koa
 * application) then answers the request through the Node bridge, in this process and on
 * this port. When the provider signs the browser's person out (RP-initiated logout, once
 * confirmed), our session in this browser ends with it.
 */
export function withOidc({ action, perMinute, beforeProvider, browser }: OidcRouteOptions): RouteHandler {
  return handleRoute({
    action,
    answerError: oauthErrorResponse,
    run: async ({ request }) => {
      await authorizeAction(action, null, async () => undefined);
      if (perMinute) {
        const address = addressLimitKey(currentRequestContext()?.ip) ?? "unknown";
        const limit = perMinute === "clients" ? config().RATE_LIMIT_OAUTH_PER_MINUTE : perMinute;
        await enforceRateLimits([{ key: `${action}:ip:${address}`, limit, windowSeconds: 60 }]);
      }
      await beforeProvider?.(request);
      const actor = browser ? await browserSessionActor(request.headers.get("cookie")) : null;
      const provider = await oidcProvider();
      const response = await runNodeHandler(provider.callback(), request);
      // The provider's own pages (device code, sign-out, errors): their policy, never framed.
      if (response.headers.get("content-type")?.startsWith("text/html")) {
        response.headers.set("content-security-policy", providerPagePolicy);
        denyFraming(response.headers);
      }
      const signedOut = currentRequestContext()?.providerSignedOut;
      if (actor?.sessionId && signedOut?.accountId === actor.userId) {
        await endCurrentSession({ actor });
        clearSessionCookie(response);
      }
      return response;
    },
  });
}
