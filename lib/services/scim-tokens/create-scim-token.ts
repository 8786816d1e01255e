import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { refuseWhileImpersonating } from "@/lib/auth/impersonation-gate";
import { generateScimToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { ScimTokenCreate, ScimTokenCreated } from "@/lib/schemas/scim-token";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { requireStepUp } from "@/lib/services/auth/require-step-up";
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
  refuseWhileImpersonating(actor, "an organization's SCIM tokens");
  await authorizeOrganization(undefined, { actor, organizationId, permission: "scim:manage" });
  await requireStepUp(actor, data, { evenForTokens: true });
  const { token, displayPrefix } = generateScimToken();
  const created = await db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "scim:manage" });
    const row = await tx.scimToken.create({
      data: {
        organizationId: organization.id,
        name: data.name,
        prefix: displayPrefix,
        tokenHash: hashToken(token),
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, {
      action: "scim_token.created",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "scim_token", id: row.id },
      after: toScimTokenPublic(row),
    });
    return row;
  });
  return { ...toScimTokenPublic(created), token };
}
