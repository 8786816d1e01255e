import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/**
 * What an API token may do. `read` allows what changes nothing; `write` allows changes
 * and implies nothing about reading, so most tokens carry both.
 */
export const apiScopes = ["read", "write"] as const;
export type ApiScope = (typeof apiScopes)[number];

/**
 * The scopes of tokens for the installation's own resources, which its identity provider
 * issues as JWTs for the API's audience: the API's, and `scim`, with which an
 * organization's machine application provisions that organization's directory.
 */
export const resourceScopes = [...apiScopes, "scim"] as const;

export const isResourceScope = (scope: string) => (resourceScopes as readonly string[]).includes(scope);

/**
 * The OpenID Connect scopes the identity provider knows: `openid`, the claims a person may
 * share with an application, and `offline_access` for refresh tokens. An application's
 * registration, the provider's configuration and the first-party grant all read this list.
 */
export const oidcScopes = ["openid", "profile", "email", "phone", "offline_access", "organizations", "attributes"] as const;

export const isOidcScope = (scope: string) => (oidcScopes as readonly string[]).includes(scope);

export const apiScopeDescriptions: Record<ApiScope, string> = {
  read: "Read anything the token's user can read.",
  write: "Create, change and delete anything the token's user can change.",
};

/** A token may only do what its scopes allow; sessions may do whatever their user may. Null when allowed. */
export function scopeRefused(actor: Actor, needed: ApiScope): AppError | null {
  if (actor.scopes === null || actor.scopes.includes(needed)) return null;
  return new AppError("forbidden", `This token lacks the "${needed}" scope.`, {
    headers: { "www-authenticate": `Bearer realm="api", error="insufficient_scope", scope="${needed}"` },
  });
}
