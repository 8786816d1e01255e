import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/auth";
import type { ApiScope } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";

/** RFC 6750 §2.1: the b64token syntax of a bearer credential. */
const bearerCredential = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export const unauthenticated = () =>
  new AppError("unauthorized", "Sign in or send a bearer token.", { headers: { "www-authenticate": 'Bearer realm="api"' } });

const invalidToken = () =>
  new AppError("unauthorized", "The access token is invalid, expired or revoked.", {
    headers: {
      "www-authenticate": 'Bearer realm="api", error="invalid_token", error_description="The access token is invalid, expired or revoked"',
    },
  });

/**
 * Who is calling. A request with an Authorization header is judged by that header
 * alone, never by cookies, so a client that sends a token gets exactly the token's
 * rights. Other schemes than Bearer count as no credentials.
 */
export async function resolveCaller(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    return getSessionActor();
  }
  const credential = bearerCredential.exec(authorization.trim())?.[1];
  if (!credential) return null;
  const actor = await findBearerActor(credential);
  if (!actor) throw invalidToken();
  return actor;
}

/** A token may only do what its scopes allow; sessions may do whatever their user may. */
export function requireScope(actor: Actor, needed: ApiScope): void {
  if (actor.scopes === null || actor.scopes.includes(needed)) return;
  throw new AppError("forbidden", `This token lacks the "${needed}" scope.`, {
    headers: { "www-authenticate": `Bearer realm="api", error="insufficient_scope", scope="${needed}"` },
  });
}
