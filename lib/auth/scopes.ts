import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/**
 * What an API token may do. `read` allows what changes nothing; `write` allows changes
 * and implies nothing about reading, so most tokens carry both.
 */
export const apiScopes = ["read", "write"] as const;
export type ApiScope = (typeof apiScopes)[number];

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
