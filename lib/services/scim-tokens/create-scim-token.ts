import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { generateScimToken, hashToken } from "@/lib/auth/tokens";
import type { ScimTokenCreate, ScimTokenCreated } from "@/lib/schemas/scim-token";
import { storeCredential } from "@/lib/services/store-credential";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { toScimTokenPublic } from "@/lib/services/scim-tokens/to-scim-token-public";

/**
 * Creates a SCIM token for an organization (needs `scim:manage`, owners only by default).
 * The secret is in the answer once and stored only as a digest. Whoever holds it
 * provisions every member of the organization, so the caller proves itself again first.
 */
export async function createScimToken({
  actor,
  organizationId,
  data,
}: {
  actor: Actor;
  organizationId: string;
  data: ScimTokenCreate;
}): Promise<ScimTokenCreated> {
  await authorizeOrganization(undefined, { actor, organizationId, permission: "scim:manage" });
  const { token, displayPrefix } = generateScimToken();
  const created = await storeCredential({
    create: async (tx) => {
      const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "scim:manage" });
      return tx.scimToken.create({
        data: {
          organizationId: organization.id,
          name: data.name,
          prefix: displayPrefix,
          tokenHash: hashToken(token),
          createdById: actor.userId,
        },
      });
    },
    toPublic: toScimTokenPublic,
    action: "scim_token.created",
    actor,
    target: "scim_token",
  });
  return { ...created, token };
}
