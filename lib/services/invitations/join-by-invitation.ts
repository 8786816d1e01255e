import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { MemberPublic } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import type { claimInvitation } from "@/lib/services/invitations/claim-invitation";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { memberInclude, toMemberPublic } from "@/lib/services/organizations/to-member-public";

type ClaimedInvitation = Awaited<ReturnType<typeof claimInvitation>>;

/** Makes the invited user a member with the invitation's role and records both events. */
export async function joinByInvitation(tx: Tx, { invitation, user }: { invitation: ClaimedInvitation; user: User }): Promise<MemberPublic> {
  await lockOrganization(tx, invitation.organizationId);
  const existing = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
  });
  if (existing) throw new AppError("conflict", `You are already a member of ${invitation.organization.name}.`);
  const membership = await tx.membership.create({
    data: { organizationId: invitation.organizationId, userId: user.id, roleId: invitation.roleId },
    include: memberInclude,
  });
  const result = toMemberPublic(membership);
  const actor = { id: user.id, email: user.email };
  await recordAuditEvent(tx, { action: "invitation.accepted", actor, target: { type: "invitation", id: invitation.id } });
  await recordAuditEvent(tx, {
    action: "member.added",
    actor,
    target: { type: "organization", id: invitation.organizationId },
    after: result,
  });
  return result;
}
