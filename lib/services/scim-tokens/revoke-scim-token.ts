import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { toScimTokenPublic } from "@/lib/services/scim-tokens/to-scim-token-public";

/** Revokes one of an organization's SCIM tokens; its next request is 401. A token of another organization is not found. */
export async function revokeScimToken({ actor, organizationId, tokenId }: { actor: Actor; organizationId: string; tokenId: string }) {
  await db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "scim:manage" });
    if (!idField.safeParse(tokenId).success) throw notFound("SCIM token");
    const token = await tx.scimToken.findFirst({ where: { id: tokenId, organizationId: organization.id, revokedAt: null } });
    if (!token) throw notFound("SCIM token");
    await tx.scimToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "scim_token.revoked",
      actor,
      target: { type: "scim_token", id: token.id },
      before: toScimTokenPublic(token),
    });
  });
}
