import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/session/auth";
import { AppError } from "@/lib/errors";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";

/** RFC 6750 §2.1: the b64token syntax of a bearer credential. */
const bearerCredential = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

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
