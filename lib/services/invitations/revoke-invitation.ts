import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { getOpenInvitation } from "@/lib/services/invitations/get-open-invitation";
import { toInvitationPublic } from "@/lib/services/invitations/to-invitation-public";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Makes an invitation's link worthless. */
export async function revokeInvitation({
  actor,
  organizationId,
  invitationId,
}: {
  actor: Actor;
  organizationId: string;
  invitationId: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:invite" });
    const invitation = await getOpenInvitation(tx, { organizationId: organization.id, invitationId });
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "invitation.revoked",
      actor,
      target: { type: "invitation", id: invitation.id },
      before: { organizationId: organization.id, ...toInvitationPublic(invitation) },
    });
  });
}
