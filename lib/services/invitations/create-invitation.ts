import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { InvitationCreate, InvitationPublic } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { limitInvitationEmails } from "@/lib/services/invitations/limit-invitation-emails";
import { issueInvitationToken } from "@/lib/services/invitations/issue-invitation-token";
import { queueInvitationMail } from "@/lib/services/invitations/queue-invitation-mail";
import { toInvitationPublic } from "@/lib/services/invitations/to-invitation-public";
import { getRoleByName } from "@/lib/services/organization-roles/get-role-by-name";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";

/** Invites an email address with a role and mails it a single-use link. */
export async function createInvitation({
  actor,
  organizationId,
  data,
}: {
  actor: Actor;
  organizationId: string;
  data: InvitationCreate;
}): Promise<InvitationPublic> {
  await limitInvitationEmails(actor);
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:invite" });
    await lockOrganization(tx, organization.id);
    const role = await getRoleByName(tx, { organizationId: organization.id, name: data.role });
    authorizeGrant(actor, access, role);

    const member = await tx.membership.findFirst({ where: { organizationId: organization.id, user: { email: data.email } } });
    if (member) throw emailConflict(`${data.email} is already a member of this organization.`);
    const pending = await tx.invitation.findFirst({
      where: { organizationId: organization.id, email: data.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (pending) throw emailConflict(`${data.email} already has a pending invitation; resend or revoke it.`);

    const { token, tokenHash, expiresAt } = issueInvitationToken();
    const invitation = await tx.invitation.create({
      data: { organizationId: organization.id, email: data.email, roleId: role.id, tokenHash, expiresAt, invitedById: actor.userId },
      include: { role: true },
    });
    await queueInvitationMail(tx, { to: data.email, organizationName: organization.name, invitedBy: actor.email, token, expiresAt });
    const result = toInvitationPublic(invitation);
    await recordAuditEvent(tx, {
      action: "invitation.created",
      actor,
      target: { type: "invitation", id: invitation.id },
      after: { organizationId: organization.id, ...result },
    });
    return result;
  });
}

const emailConflict = (message: string) => new AppError("conflict", message, { fieldErrors: [{ field: "email", message }] });
