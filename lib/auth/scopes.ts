/**
 * What an API token may do. `read` allows safe requests (GET/HEAD); `write` allows
 * changes and implies nothing about reading, so most tokens carry both.
 */
export const apiScopes = ["read", "write"] as const;
export type ApiScope = (typeof apiScopes)[number];

export const apiScopeDescriptions: Record<ApiScope, string> = {
  read: "Read anything the token's user can read.",
  write: "Create, change and delete anything the token's user can change.",
};

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** The scope a request needs, from its method. */
export function scopeForMethod(method: string): ApiScope {
  return safeMethods.has(method.toUpperCase()) ? "read" : "write";
}
