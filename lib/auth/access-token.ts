import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { apiScopes, type ApiScope } from "@/lib/auth/scopes";
import { config } from "@/lib/config";

/**
 * OAuth access tokens are JWTs in the RFC 9068 profile (`typ: at+jwt`), signed with
 * HS256. Only this server issues and reads them, so a symmetric key suffices; it is
 * derived from AUTH_SECRET with HKDF under its own label, so it never equals the key
 * Auth.js derives for the session cookie. Verification allows HS256 alone, which rules
 * out `alg: none` and algorithm-confusion tricks.
 */
const algorithm = "HS256";
const tokenType = "at+jwt";

export type AccessTokenClaims = {
  userId: string;
  sessionId: string;
  scopes: readonly ApiScope[];
  clientId: string;
};

let cachedKey: { secret: string; key: Uint8Array } | undefined;

function signingKey(): Uint8Array {
  const secret = config().AUTH_SECRET;
  if (cachedKey?.secret !== secret) {
    const key = new Uint8Array(hkdfSync("sha256", secret, "usermanager", "api access token signing key v1", 32));
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

/** The issuer and audience: this deployment, and its API. */
export function tokenIssuer(): string {
  return new URL(config().APP_URL).origin;
}

export function tokenAudience(): string {
  return `${tokenIssuer()}/api/v1`;
}

export async function signAccessToken(claims: AccessTokenClaims, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ scope: claims.scopes.join(" "), client_id: claims.clientId, sid: claims.sessionId })
    .setProtectedHeader({ alg: algorithm, typ: tokenType })
    .setIssuer(tokenIssuer())
    .setAudience(tokenAudience())
    .setSubject(claims.userId)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + config().ACCESS_TOKEN_TTL_SECONDS)
    .sign(signingKey());
}

/** The claims of a genuine, unexpired access token for this API, or null for anything else. */
export async function verifyAccessToken(token: string): Promise<AccessTokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: [algorithm],
      typ: tokenType,
      issuer: tokenIssuer(),
      audience: tokenAudience(),
      requiredClaims: ["sub", "exp", "iat", "jti", "sid", "scope", "client_id"],
    });
    const { sub, sid, scope, client_id: clientId } = payload;
    if (typeof sub !== "string" || typeof sid !== "string" || typeof scope !== "string" || typeof clientId !== "string") {
      return null;
    }
    return { userId: sub, sessionId: sid, scopes: parseScopes(scope) ?? [], clientId };
  } catch {
    return null;
  }
}

/** Reads a space-delimited scope string (RFC 6749 §3.3); null when it names an unknown scope. */
export function parseScopes(scope: string): ApiScope[] | null {
  const names = scope.split(" ").filter(Boolean);
  if (!names.every((name): name is ApiScope => (apiScopes as readonly string[]).includes(name))) return null;
  return apiScopes.filter((known) => names.includes(known));
}
