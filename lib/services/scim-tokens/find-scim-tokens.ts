import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ScimTokenPublic } from "@/lib/schemas/scim-token";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { toScimTokenPublic } from "@/lib/services/scim-tokens/to-scim-token-public";

/** An organization's SCIM tokens that have not been revoked, newest first (needs `scim:manage`). */
export async function findScimTokens({ actor, organizationId }: { actor: Actor; organizationId: string }): Promise<ScimTokenPublic[]> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "scim:manage" });
  const tokens = await db().scimToken.findMany({
    where: { organizationId: organization.id, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return tokens.map(toScimTokenPublic);
}
