import type { ScimToken } from "@/lib/generated/prisma/client";
import type { ScimTokenPublic } from "@/lib/schemas/scim-token";

/** The only way a SCIM token leaves the service layer: never with its digest. */
export function toScimTokenPublic(token: ScimToken): ScimTokenPublic {
  return {
    id: token.id,
    organizationId: token.organizationId,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt ? token.lastUsedAt.toISOString() : null,
  };
}
