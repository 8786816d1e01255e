import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/session/auth";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { dpopAlgorithms } from "@/lib/services/auth/dpop-proof";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";

/** RFC 6750 §2.1 and RFC 9449 §7.1: a Bearer or DPoP credential, in the b64token syntax. */
const tokenCredential = /^(Bearer|DPoP) +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The challenge in the scheme the client used, so a DPoP client learns which proof algorithms are taken. */
const invalidToken = (scheme: "bearer" | "dpop") =>
  new AppError("unauthorized", "The access token is invalid, expired or revoked.", {
    headers: {
      "www-authenticate":
        scheme === "dpop"
          ? `DPoP algs="${dpopAlgorithms.join(" ")}", error="invalid_token", error_description="The access token or its DPoP proof is invalid"`
          : 'Bearer realm="api", error="invalid_token", error_description="The access token is invalid, expired or revoked"',
    },
  });

/** The address a DPoP proof must name: APP_URL's origin with the request's path, as the client reached it through any proxy. */
const publicUrl = (request: Request) => new URL(new URL(request.url).pathname, config().APP_URL).href;

/**
 * Who is calling. A request with an Authorization header is judged by that header
 * alone, never by cookies, so a client that sends a token gets exactly the token's
 * rights. Other schemes than Bearer and DPoP count as no credentials.
 */
export async function resolveCaller(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    return getSessionActor();
  }
  const [, schemeName, credential] = tokenCredential.exec(authorization.trim()) ?? [];
  if (!schemeName || !credential) return null;
  const scheme = schemeName.toLowerCase() === "dpop" ? "dpop" : "bearer";
  const actor = await findBearerActor(
    credential,
    scheme === "dpop" ? { scheme, proof: request.headers.get("dpop"), method: request.method, url: publicUrl(request) } : { scheme },
  );
  if (!actor) throw invalidToken(scheme);
  return actor;
}
