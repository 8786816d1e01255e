import type { Invitation, OrganizationRole } from "@/lib/generated/prisma/client";
import type { InvitationPublic } from "@/lib/schemas/organization";

export type InvitationWithRole = Invitation & { role: OrganizationRole };

export function invitationStatus(invitation: Invitation, now = new Date()): InvitationPublic["status"] {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

/** An invitation without its token digest: the link only ever travels by email. */
export function toInvitationPublic(invitation: InvitationWithRole): InvitationPublic {
  return {
    id: invitation.id,
    email: invitation.email,
    role: { id: invitation.role.id, name: invitation.role.name },
    status: invitationStatus(invitation),
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
