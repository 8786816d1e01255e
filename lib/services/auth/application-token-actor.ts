import "server-only";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet, type JWK } from "jose";
import type { Actor } from "@/lib/auth/actor";
import type { DirectoryCaller } from "@/lib/auth/action-rules";
import { apiScopes } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { findUserFacts, mayAct } from "@/lib/services/auth/caller-facts";
import { checkDpopProof } from "@/lib/services/auth/dpop-proof";
import { oidcIssuer } from "@/lib/services/oidc/issuer";
import { logger } from "@/lib/logger";
import { mustEnrollSecondFactor } from "@/lib/services/mfa/second-factor-policy";

/** How long an instance trusts its copy of the published keys before reading them again (a rotation publishes ahead). */
const keysCacheMs = 30_000;
let published: { keys: ReturnType<typeof createLocalJWKSet>; readAt: number } | undefined;

async function publishedKeys() {
  if (published && Date.now() - published.readAt < keysCacheMs) return published.keys;
  const rows = await db().oidcSigningKey.findMany({ where: { OR: [{ unpublishAt: null }, { unpublishAt: { gt: new Date() } }] } });
  const jwks: JSONWebKeySet = { keys: rows.map((row) => row.publicJwk as JWK) };
  published = { keys: createLocalJWKSet(jwks), readAt: Date.now() };
  return published.keys;
}

/**
 * How the client presented the token: as a bearer token (RFC 6750), or bound to its key
 * with a DPoP proof for this request (RFC 9449).
 */
export type TokenPresentation = { scheme: "bearer" } | { scheme: "dpop"; proof: string | null; method: string; url: string };

/** Whether a bearer credential looks like one of the identity provider's JWTs (signed with a published key), not a legacy one. */
export function isApplicationToken(token: string): boolean {
  try {
    const header = decodeProtectedHeader(token);
    return typeof header.kid === "string" && (header.alg === "ES256" || header.alg === "RS256");
  } catch {
    return false;
  }
}

type Claims = { sub: string; client_id: string; scope?: string; gid?: string; org?: string; cnf?: { jkt?: unknown } };

async function verified(token: string): Promise<Claims | null> {
  try {
    const { payload } = await jwtVerify(token, await publishedKeys(), {
      issuer: oidcIssuer(),
      audience: `${oidcIssuer()}/api/v1`,
      typ: "at+jwt",
      algorithms: ["ES256", "RS256"],
    });
    if (typeof payload.sub !== "string" || typeof payload.client_id !== "string") return null;
    return payload as unknown as Claims;
  } catch {
    return null;
  }
}

/**
 * The caller behind an access token the identity provider issued for this API. The JWT
 * alone is not enough: every request checks, in the database, that the application is
 * still enabled (and its organization not deleted), that the grant the token came from
 * still exists (revoking a grant, or a reused refresh token, stops its tokens at once),
 * and that its user may still act. An organization's application is limited to its
 * organization, as a limited personal access token is.
 */
export async function findApplicationTokenActor(token: string, presentation: TokenPresentation): Promise<Actor | null> {
  const claims = await verified(token);
  if (!claims || !(await presentedAsBound(token, claims, presentation))) return null;
  const application = await db().application.findFirst({
    where: { clientId: claims.client_id, disabledAt: null, OR: [{ organizationId: null }, { organization: { deletedAt: null } }] },
  });
  if (!application || (claims.org ?? null) !== application.organizationId) return null;
  const scopes = apiScopes.filter((scope) => (claims.scope ?? "").split(" ").includes(scope));
  const acting = { id: application.id, clientId: application.clientId, name: application.name };

  if (claims.sub === claims.client_id) {
    if (application.kind !== "machine") return null;
    return {
      userId: application.id,
      email: application.name,
      // A machine application acts as an administrator of its scope, bounded by its scopes.
      role: application.organizationId ? "user" : "admin",
      via: "application_token",
      sessionId: null,
      apiTokenId: null,
      scopes,
      organizationId: application.organizationId,
      application: { ...acting, acting: "itself" },
    };
  }

  if (!claims.gid) return null;
  // Two independent lookups on every call with such a token: one round trip, not two.
  const [live, user] = await Promise.all([grantIsLive(claims.gid, claims.sub, application.clientId), findUserFacts(claims.sub)]);
  if (!live || !user || !mayAct(user)) return null;
  return {
    userId: user.userId,
    email: user.email,
    role: user.role,
    via: "application_token",
    sessionId: null,
    apiTokenId: null,
    scopes,
    organizationId: application.organizationId,
    mustEnrollSecondFactor: mustEnrollSecondFactor(user),
    application: { ...acting, acting: "user" },
  };
}

/**
 * An organization's machine application calling SCIM with a client-credentials token that
 * holds `scim`, as that organization's directory; null otherwise. The token verifies as
 * for the API, is sent as a bearer token (a DPoP-bound one needs a proof SCIM clients do
 * not send), names the application itself, and the application is still an enabled
 * machine application of an organization not deleted that is registered for `scim`.
 */
export async function findScimApplicationCaller(token: string): Promise<DirectoryCaller | null> {
  const claims = await verified(token);
  if (!claims || !(await presentedAsBound(token, claims, { scheme: "bearer" }))) return null;
  if (claims.sub !== claims.client_id || !(claims.scope ?? "").split(" ").includes("scim")) return null;
  const application = await db().application.findFirst({
    where: { clientId: claims.client_id, kind: "machine", disabledAt: null, organization: { deletedAt: null } },
  });
  if (!application?.organizationId || claims.org !== application.organizationId || !application.scopes.includes("scim")) return null;
  return {
    via: "scim_token",
    credential: "application",
    tokenId: application.id,
    organizationId: application.organizationId,
    name: application.name,
  };
}

/**
 * A token bound to a key (cnf.jkt, issued to a client that asked for DPoP) counts only
 * with a valid proof of that key; sent as a bearer token it is refused, or a thief who
 * copied it could use it. An unbound token sent with the DPoP scheme is refused too
 * (RFC 9449, 7.2): the client believes it is protected, and it is not.
 */
async function presentedAsBound(token: string, claims: Claims, presentation: TokenPresentation): Promise<boolean> {
  const boundTo = typeof claims.cnf?.jkt === "string" ? claims.cnf.jkt : null;
  if (presentation.scheme === "bearer") return boundTo === null;
  if (!boundTo || !presentation.proof) return false;
  const refusal = await checkDpopProof({ ...presentation, proof: presentation.proof, accessToken: token, boundTo });
  if (refusal) logger.info({ clientId: claims.client_id, refusal }, "DPoP proof refused");
  return refusal === null;
}

async function grantIsLive(grantId: string, accountId: string, clientId: string): Promise<boolean> {
  const grant = await db().oidcRecord.findFirst({
    where: { kind: "Grant", id: grantId, accountId, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { payload: true },
  });
  return (grant?.payload as { clientId?: string } | undefined)?.clientId === clientId;
}
