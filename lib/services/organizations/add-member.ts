import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { InvitationPublic, MemberAdd, MemberPublic } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { getRoleByName } from "@/lib/services/organization-roles/get-role-by-name";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { memberInclude, toMemberPublic } from "@/lib/services/organizations/to-member-public";

export type AddMemberResult = { outcome: "added"; member: MemberPublic } | { outcome: "invited"; invitation: InvitationPublic };

type AddMember = { actor: Actor; organizationId: string; data: MemberAdd };

/**
 * Whether the caller may put an existing account into an organization without its
 * owner's consent: only callers who may see every account anyway (`users:read`, which a
 * token limited to an organization never has).
 */
const addsAccountsDirectly = (actor: Actor) => can(actor, "users:read");

/**
 * Adds someone to an organization by email (or, for global administrators, by user id).
 * Anyone else gets an invitation sent, whether or not the address has an account: the
 * answer must not tell an outsider who is registered, and nobody joins without consent.
 */
export async function addMember({ actor, organizationId, data }: AddMember): Promise<AddMemberResult> {
  if (addsAccountsDirectly(actor)) return { outcome: "added", member: await addExistingAccount({ actor, organizationId, data }) };
  if (!data.email) {
    await authorizeOrganization(undefined, { actor, organizationId, permission: "members:invite" });
    const message = "Only a global administrator can add a user by id; invite them by email instead.";
    throw new AppError("forbidden", message, { fieldErrors: [{ field: "userId", message }] });
  }
  return {
    outcome: "invited",
    invitation: await createInvitation({ actor, organizationId, data: { email: data.email, role: data.role } }),
  };
}

async function addExistingAccount({ actor, organizationId, data }: AddMember): Promise<MemberPublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:invite" });
    await lockOrganization(tx, organization.id);
    const role = await getRoleByName(tx, { organizationId: organization.id, name: data.role });
    authorizeGrant(actor, access, role);

    const user = await tx.user.findFirst({
      where: { ...(data.userId ? { id: data.userId } : { email: data.email }), deletedAt: null },
    });
    if (!user) throw notFound("User");
    const existing = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
    });
    if (existing) throw new AppError("conflict", `${user.email} is already a member of this organization.`);

    const membership = await tx.membership.create({
      data: { organizationId: organization.id, userId: user.id, roleId: role.id },
      include: memberInclude,
    });
    const result = toMemberPublic(membership);
    await recordAuditEvent(tx, {
      action: "member.added",
      actor,
      target: { type: "organization", id: organization.id },
      after: result,
    });
    return result;
  });
}
