import { apiScopes } from "@/lib/auth/scopes";
import type { ApiToken } from "@/lib/generated/prisma/client";
import type { ApiTokenPublic } from "@/lib/schemas/api-token";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The only way a token leaves the service layer: never with its digest. */
export function toApiTokenPublic(token: ApiToken): ApiTokenPublic {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: apiScopes.filter((scope) => token.scopes.includes(scope)),
    organizationId: token.organizationId,
    createdAt: token.createdAt.toISOString(),
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    lastUsedIp: token.lastUsedIp,
  };
}
