import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { staleVersion } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { toOrganizationPublic } from "@/lib/services/organizations/to-organization-public";

/**
 * Soft-deletes an organization: it disappears everywhere but its rows stay for the
 * audit trail. Its address is released (renamed after the id) so it can be used again,
 * and so are its domains, which another organization may then verify.
 */
export async function deleteOrganization({
  actor,
  organizationId,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  expectedVersion?: number;
}): Promise<void> {
  // Before the transaction: the check may ask the database itself, and it is about the caller only.
  await db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "organization:delete" });
    const { count } = await tx.organization.updateMany({
      where: { id: organization.id, version: expectedVersion ?? organization.version },
      data: { deletedAt: new Date(), slug: `deleted-${organization.id}`, version: { increment: 1 } },
    });
    if (count === 0) throw staleVersion();
    // Invitations still in flight must not let anyone into a deleted organization.
    await tx.invitation.updateMany({
      where: { organizationId: organization.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.organizationDomain.deleteMany({ where: { organizationId: organization.id } });
    await recordAuditEvent(tx, {
      action: "organization.deleted",
      actor,
      target: { type: "organization", id: organization.id },
      before: toOrganizationPublic(organization),
    });
  });
}
