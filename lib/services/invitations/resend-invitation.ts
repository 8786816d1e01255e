import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { InvitationPublic } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { getOpenInvitation } from "@/lib/services/invitations/get-open-invitation";
import { limitInvitationEmails } from "@/lib/services/invitations/limit-invitation-emails";
import { issueInvitationToken } from "@/lib/services/invitations/issue-invitation-token";
import { queueInvitationMail } from "@/lib/services/invitations/queue-invitation-mail";
import { toInvitationPublic } from "@/lib/services/invitations/to-invitation-public";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Mails a new link with a new expiry; the previous link stops working. */
export async function resendInvitation({
  actor,
  organizationId,
  invitationId,
}: {
  actor: Actor;
  organizationId: string;
  invitationId: string;
}): Promise<InvitationPublic> {
  await limitInvitationEmails(actor);
  return db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:invite" });
    const invitation = await getOpenInvitation(tx, { organizationId: organization.id, invitationId });
    const { token, tokenHash, expiresAt } = issueInvitationToken();
    const updated = await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash, expiresAt, invitedById: actor.userId },
      include: { role: true },
    });
    await queueInvitationMail(tx, { to: invitation.email, organizationName: organization.name, invitedBy: actor.email, token, expiresAt });
    const result = toInvitationPublic(updated);
    await recordAuditEvent(tx, {
      action: "invitation.resent",
      actor,
      target: { type: "invitation", id: invitation.id },
      after: { organizationId: organization.id, ...result },
    });
    return result;
  });
}
